import type { UnitResponse } from '@gcm/domain';
import { computed, ref, shallowRef } from 'vue';
import { listAllUnits } from '@/api/units';

const collator = new Intl.Collator('vi');

/** `Tên đơn vị (MÃ)`, the label used in selects. */
export function unitLabel(unit: Pick<UnitResponse, 'name' | 'code'>): string {
  return `${unit.name} (${unit.code})`;
}

/**
 * Every unit the user may see, for selects and for showing a unit's name from its id.
 * Loaded on demand by each page that needs it.
 */
export function useUnitOptions(loader: () => Promise<UnitResponse[]> = listAllUnits) {
  const units = shallowRef<UnitResponse[]>([]);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);

  const sorted = computed(() => [...units.value].sort((a, b) => collator.compare(a.name, b.name)));
  const byId = computed(() => new Map(units.value.map((unit) => [unit.id, unit])));

  function nameOf(id: string | null | undefined): string {
    if (!id) return '—';
    return byId.value.get(id)?.name ?? '…';
  }

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      units.value = await loader();
    } catch (caught) {
      error.value = caught;
    } finally {
      loading.value = false;
    }
  }

  return { units, sorted, byId, nameOf, load, loading, error };
}
