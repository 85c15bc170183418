import { markdownToPlain, renderMarkdown, type UnitResponse } from '@gcm/domain';

/** The text the API sends for an article or warning (see BroadcastsService.create). */
export function broadcastText(kind: 'article' | 'warning', title: string, body: string): string {
  return `${kind === 'warning' ? '⚠️ ' : ''}**${title}**\n\n${body}`;
}

/** How Telegram shows it: the domain's Markdown renderer (safe HTML, links https only). */
export const telegramPreview = (text: string): string => renderMarkdown(text);

/** How Zalo shows it: plain text, as the bot's Zalo adapter turns it. */
export const zaloPreview = (text: string): string => markdownToPlain(text);

export interface UnitTreeNode {
  value: string;
  label: string;
  children: UnitTreeNode[];
}

const collator = new Intl.Collator('vi');

/** Units as a tree (children under their parent, by name) for el-tree-select. */
export function unitTree(
  units: readonly Pick<UnitResponse, 'id' | 'name' | 'code' | 'parentId'>[],
): UnitTreeNode[] {
  const nodes = new Map<string, UnitTreeNode>();
  for (const unit of units) {
    nodes.set(unit.id, { value: unit.id, label: `${unit.name} (${unit.code})`, children: [] });
  }
  const roots: UnitTreeNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id)!;
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: UnitTreeNode[]): UnitTreeNode[] => {
    list.sort((a, b) => collator.compare(a.label, b.label));
    list.forEach((node) => sort(node.children));
    return list;
  };
  return sort(roots);
}
