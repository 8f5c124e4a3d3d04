import * as vscode from 'vscode';
import { sourceLabel } from '../core/citing/citation';
import { factsOf, factValues, type Extraction, type Fact } from '../core/sources/extract';
import { showInformation, textMarkdown } from './inert';
import { factPassage, factText, quotePassages, whereText, type Passage } from './passages';
import type { SourceIndex } from './sourceIndex';

export const VIEW_ID = 'policyMemo.sources';
const LABEL_MAX_CHARS = 90;

type ValueGroup = 'number' | 'date' | 'person' | 'organization' | 'place' | 'name';

const VALUE_GROUPS: { type: ValueGroup; label: string; icon: string; byName: boolean }[] = [
  { type: 'number', label: 'Numbers', icon: 'symbol-number', byName: false },
  { type: 'date', label: 'Dates', icon: 'calendar', byName: false },
  { type: 'person', label: 'People', icon: 'person', byName: true },
  { type: 'organization', label: 'Organisations', icon: 'organization', byName: true },
  { type: 'place', label: 'Places', icon: 'location', byName: true },
  // Names the text gives no kind for: shown, so nothing is lost, but apart from the typed ones.
  { type: 'name', label: 'Other names', icon: 'symbol-key', byName: true },
];

export type TreeNode =
  | { readonly kind: 'source'; readonly extraction: Extraction }
  | { readonly kind: 'group'; readonly id: string; readonly label: string; readonly icon: string; readonly children: () => TreeNode[]; readonly count: number }
  | { readonly kind: 'passage'; readonly passage: Passage; readonly label?: string; readonly parentId: string }
  | { readonly kind: 'message'; readonly label: string; readonly detail?: string }
  | { readonly kind: 'action'; readonly label: string; readonly command: string; readonly icon: string; readonly tooltip: string };

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > LABEL_MAX_CHARS ? flat.slice(0, LABEL_MAX_CHARS - 1) + '\u2026' : flat;
}

/** Up to this many sources are shown expanded. */
const EXPANDED_SOURCES_MAX = 5;

/** The sidebar: each source, its quotes by speaker, and its facts by the kind of value they carry. Children are built only when expanded. */
export class SourcesTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly index: SourceIndex) {
    this.subscription = index.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) {
      const roots: TreeNode[] = this.index.sources.map((extraction) => ({ kind: 'source', extraction }));
      if (this.index.usingSample) {
        // The welcome view shows only on an empty tree; with the sample shown, offer the same step as an item.
        roots.push({ kind: 'action', label: 'Add source\u2026', command: 'policyMemo.addSource', icon: 'add', tooltip: 'Copy an article or report (.txt, .md, .html, .pdf, .docx) into sources/; the sample gives way to your sources' });
      }
      for (const p of this.index.problems) roots.push({ kind: 'message', label: p.path ? vscode.workspace.asRelativePath(p.path) : 'Sources', detail: p.message });
      return roots;
    }
    if (node.kind === 'group') return node.children();
    if (node.kind !== 'source') return [];
    return this.sourceChildren(node.extraction);
  }

  private sourceChildren(x: Extraction): TreeNode[] {
    const id = x.source.path;
    const quotes = quotePassages(x);
    const speakers = new Map<string, Passage[]>();
    for (const q of quotes) {
      const name = q.speaker ?? '';
      const list = speakers.get(name);
      if (list) list.push(q);
      else speakers.set(name, [q]);
    }
    const quoteGroup: TreeNode = {
      kind: 'group', id: `${id}#quotes`, label: 'Quotes', icon: 'quote', count: quotes.length,
      children: () => [...speakers.entries()].map(([speaker, list]): TreeNode => ({
        kind: 'group', id: `${id}#quotes/${speaker}`, label: speaker || 'No speaker (scare quotes)', icon: speaker ? 'person' : 'question', count: list.length,
        children: () => list.map((passage): TreeNode => ({ kind: 'passage', passage, parentId: `${id}#quotes/${speaker}` })),
      })),
    };
    const allFacts = factsOf(x).map((fact) => ({ fact, values: factValues(fact) }));
    const factGroups: TreeNode[] = VALUE_GROUPS.map((g): TreeNode => {
      const facts = allFacts.filter((f) => f.values.some((v) => v.type === g.type)).map((f) => f.fact);
      const groupId = `${id}#facts/${g.type}`;
      return {
        kind: 'group', id: groupId, label: g.label, icon: g.icon, count: facts.length,
        children: (): TreeNode[] => {
          if (!g.byName) {
            return facts.map((f): TreeNode => ({
              kind: 'passage', parentId: groupId, passage: factPassage(x, f),
              label: `${factValues(f).filter((v) => v.type === g.type).map((v) => v.text).join(', ')} \u2014 ${shorten(factText(x, f))}`,
            }));
          }
          const byName = new Map<string, Fact[]>();
          for (const f of facts) {
            for (const v of factValues(f)) {
              if (v.type !== g.type || !('value' in v) || typeof v.value !== 'string') continue;
              const list = byName.get(v.value) ?? [];
              if (!list.includes(f)) list.push(f);
              byName.set(v.value, list);
            }
          }
          return [...byName.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([name, list]): TreeNode => ({
            kind: 'group', id: `${groupId}/${name}`, label: name, icon: g.icon, count: list.length,
            children: () => list.map((f): TreeNode => ({ kind: 'passage', passage: factPassage(x, f), parentId: `${groupId}/${name}` })),
          }));
        },
      };
    }).filter((g) => g.kind === 'group' && g.count > 0);
    const factsGroup: TreeNode = { kind: 'group', id: `${id}#facts`, label: 'Facts', icon: 'note', count: allFacts.length, children: () => factGroups };
    return [quoteGroup, factsGroup];
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'source': {
        const x = node.extraction;
        // A few sources open at once; with many, each opens when asked, so the view does not build them all.
        const state = this.index.sources.length <= EXPANDED_SOURCES_MAX ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
        const item = new vscode.TreeItem(sourceLabel(x.source), state);
        item.id = x.source.path;
        item.description = `${x.source.isSample ? 'sample \u00b7 ' : ''}${x.quotes.length} quotes \u00b7 ${x.turns.length ? `${x.turns.length} turns \u00b7 ` : ''}${x.factTable.shown.length} facts`;
        item.iconPath = new vscode.ThemeIcon(x.source.isSample ? 'book' : 'file-text');
        item.contextValue = x.source.isSample ? 'source.sample' : 'source';
        const fields = (['author', 'outlet', 'date', 'url'] as const).filter((field) => x.source.meta[field]).map((field) => `${field}: ${x.source.meta[field]}`);
        item.tooltip = textMarkdown(sourceLabel(x.source), `${x.source.isSample ? 'Bundled sample article' : vscode.workspace.asRelativePath(x.source.path)} \u2014 key ${x.source.key}`, ...fields);
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        item.description = String(node.count);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.contextValue = 'group';
        return item;
      }
      case 'passage': {
        const p = node.passage;
        const item = new vscode.TreeItem(node.label ?? shorten(p.kind === 'quote' ? `\u201c${p.text}\u201d` : p.text), vscode.TreeItemCollapsibleState.None);
        item.id = `${node.parentId}@${p.span.start}`;
        item.description = whereText(p);
        item.iconPath = new vscode.ThemeIcon(p.kind === 'quote' ? 'quote' : 'info');
        item.contextValue = `passage.${p.kind}`;
        item.tooltip = textMarkdown(p.kind === 'quote' ? `${p.speaker ?? 'No speaker'}: \u201c${p.text}\u201d` : p.text, `${p.extraction.source.key}, ${whereText(p)}`);
        item.command = { command: 'policyMemo.reveal', title: 'Show in Source', arguments: [node] };
        return item;
      }
      case 'action': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.tooltip = node.tooltip;
        item.command = { command: node.command, title: node.label };
        item.contextValue = 'action';
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.description = node.detail;
        item.tooltip = node.detail;
        item.iconPath = new vscode.ThemeIcon('warning');
        item.contextValue = 'message';
        return item;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

const SAMPLE_MESSAGE = 'Showing the bundled sample article: add your own sources to sources/.';

/** Where a list of sources lies, for a message: the folder they share, relative to the workspace ("sources/"). */
function whereSourcesAre(sources: readonly Extraction[]): string {
  const dirs = sources.map((x) => x.source.path.slice(0, x.source.path.lastIndexOf('/') + 1));
  let common = dirs[0] ?? '';
  for (const dir of dirs) while (!dir.startsWith(common)) common = common.slice(0, common.lastIndexOf('/', common.length - 2) + 1);
  const relative = vscode.workspace.asRelativePath(common.replace(/\/$/, ''), false);
  return relative && relative !== common.replace(/\/$/, '') ? `in ${relative}/` : 'in the workspace';
}

/** The notice when the first source takes the sample's place: memos are now checked against other text. */
export function sampleDroppedMessage(sources: readonly Extraction[]): string {
  return `Now checking against ${sources.length} source${sources.length === 1 ? '' : 's'} ${whereSourcesAre(sources)}; the bundled sample is no longer used`;
}

export interface SourcesView {
  readonly view: vscode.TreeView<TreeNode>;
  readonly disposables: vscode.Disposable[];
}

/**
 * The Sources view: the tree, a line above it while the bundled sample stands in for real sources, and, when the
 * first real sources replace the sample, a notice saying so once (a notification and the line above the tree, until
 * the sources change again): every memo without front matter is checked against other text from then on.
 */
export function createSourcesView(index: SourceIndex, tree: SourcesTreeProvider): SourcesView {
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  let wasSample = false;
  let announced: string | undefined;
  const describe = (): void => {
    const paths = index.sources.map((x) => x.source.path).join('\n');
    if (index.usingSample) {
      view.message = SAMPLE_MESSAGE;
      wasSample = true;
      return;
    }
    if (wasSample && index.sources.length > 0) {
      wasSample = false;
      announced = paths;
      const message = sampleDroppedMessage(index.sources);
      view.message = message;
      void showInformation(`Policy Memo: ${message}.`);
      return;
    }
    if (announced !== paths) view.message = undefined;
  };
  return { view, disposables: [view, index.onDidChange(describe)] };
}
