import type { UnitResponse } from '@gcm/domain';
import { computed } from 'vue';
import { listAllUnits } from '@/api/units';
import { useLoader } from './use-loader';

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
  const { data: units, loading, error, load } = useLoader(loader, [] as UnitResponse[]);

  const sorted = computed(() => [...units.value].sort((a, b) => collator.compare(a.name, b.name)));
  const byId = computed(() => new Map(units.value.map((unit) => [unit.id, unit])));

  function nameOf(id: string | null | undefined): string {
    if (!id) return '—';
    return byId.value.get(id)?.name ?? '…';
  }

  return { units, sorted, byId, nameOf, load, loading, error };
}
