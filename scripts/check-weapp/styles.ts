import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from './problem';

interface Rule {
  selector: string;
  declarations: Map<string, string>;
  /** The at-rules around it, outermost first. */
  context: string[];
  offset: number;
}

/** Rules of a stylesheet, with the @-blocks they sit in. Enough CSS for what our builds emit. */
export function readRules(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (c) => ' '.repeat(c.length));
  const rules: Rule[] = [];
  const walk = (from: number, context: string[]): number => {
    let i = from;
    while (i < text.length) {
      const open = text.indexOf('{', i);
      const close = text.indexOf('}', i);
      if (close !== -1 && (open === -1 || close < open)) return close + 1;
      if (open === -1) return text.length;
      const prelude = text.slice(i, open).trim().replace(/\s+/g, ' ');
      if (prelude.startsWith('@')) {
        // @import and the like end at ';' before any block
        const semi = prelude.lastIndexOf(';');
        const at = semi === -1 ? prelude : prelude.slice(semi + 1).trim();
        i = /^@(media|supports|document|layer)/.test(at) ? walk(open + 1, [...context, at]) : skipBlock(text, open);
        continue;
      }
      const end = text.indexOf('}', open);
      const body = text.slice(open + 1, end === -1 ? text.length : end);
      const declarations = new Map<string, string>();
      for (const part of body.split(';')) {
        const colon = part.indexOf(':');
        if (colon > 0) declarations.set(part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim());
      }
      rules.push({ selector: prelude.replace(/^.*;/, '').trim(), declarations, context, offset: i });
      i = end === -1 ? text.length : end + 1;
    }
    return i;
  };
  walk(0, []);
  return rules;
}

function skipBlock(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return text.length;
}

const GAP = ['gap', 'row-gap', 'column-gap'];
const isZero = (v: string) => /^0([a-z%]*)?$/.test(v.replace(/\s+/g, ''));
const fallbackBlock = (context: string[]) => context.some((c) => /^@supports not \(translate/.test(c));

/**
 * Flex `gap` is ignored before iOS 14.5, where the items touch. Every flex rule with a gap must come with
 * the margin fallback (`@include flex-gap` / `stack-gap` in `src/styles/_gap.scss`), which turns the gap
 * off inside `@supports not (translate: 0)`. Grid gap is older and fine.
 */
export function checkFlexGap(dir: string, files: string[]): Problem[] {
  const problems: Problem[] = [];
  for (const file of files.filter((f) => f.endsWith('.wxss'))) {
    const css = readFileSync(join(dir, file), 'utf8');
    const rules = readRules(css);
    const covered = new Set(rules.filter((r) => fallbackBlock(r.context) && GAP.some((g) => isZero(r.declarations.get(g) ?? 'x'))).map((r) => r.selector));
    for (const rule of rules) {
      if (fallbackBlock(rule.context) || /grid/.test(rule.declarations.get('display') ?? '')) continue;
      const gap = GAP.find((g) => rule.declarations.has(g) && !isZero(rule.declarations.get(g) ?? ''));
      if (gap && !covered.has(rule.selector)) {
        const line = css.slice(0, rule.offset).split('\n').length;
        problems.push({ check: 'flex-gap', file, line, message: `${rule.selector} { ${gap}: ${rule.declarations.get(gap)} } has no margin fallback for iOS < 14.5: use @include flex-gap or stack-gap` });
      }
    }
  }
  return problems;
}
