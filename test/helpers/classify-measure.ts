/**
 * How often the assistant's first proposal is one of an initiative's true axes: on the demo
 * portfolio, each initiative's axes hidden in turn with the rest as the office's classified
 * ones; and on titles written apart (held-back-titles.ts), learning from the whole demo. The
 * test holds a floor; the bench prints the figures.
 */
import { type Classified, classifier } from '../../db/core/classify';
import type { Db } from '../../db/connection';
import { listInitiatives } from '../../db/repos/initiatives';
import { HELD_BACK } from '../fixtures/held-back-titles';
import { INDEPENDENT } from '../fixtures/independent-titles';

export interface Accuracy {
  set: string;
  initiatives: number;
  firstRight: number;
  /** The first proposal from the axes' own words only (no office history). */
  termsOnlyFirstRight: number;
  noProposal: number;
}

const hit = (proposals: { axis: number }[], axes: readonly number[]) =>
  proposals.length > 0 && axes.includes(proposals[0]!.axis);

export function measureClassification(db: Db): Accuracy[] {
  const all: Classified[] = listInitiatives(db).map((i) => ({ code: i.code, title: i.title, axes: i.axes }));
  const empty = classifier([]);
  const demo: Accuracy = {
    set: 'demo (leave one out)',
    initiatives: 0,
    firstRight: 0,
    termsOnlyFirstRight: 0,
    noProposal: 0,
  };
  // Leave one out: the office's history without the initiative itself (nor its twins of the same title).
  for (const c of all) {
    const others = classifier(all.filter((o) => o.title !== c.title));
    const p = others.propose(c.title);
    demo.initiatives += 1;
    if (hit(p, c.axes)) demo.firstRight += 1;
    if (hit(empty.propose(c.title), c.axes)) demo.termsOnlyFirstRight += 1;
    if (p.length === 0) demo.noProposal += 1;
  }
  const learned = classifier(all);
  const apart = (set: string, titles: { title: string; axes: number[] }[]): Accuracy => {
    const a: Accuracy = { set, initiatives: 0, firstRight: 0, termsOnlyFirstRight: 0, noProposal: 0 };
    for (const h of titles) {
      const p = learned.propose(h.title);
      a.initiatives += 1;
      if (hit(p, h.axes)) a.firstRight += 1;
      if (hit(empty.propose(h.title), h.axes)) a.termsOnlyFirstRight += 1;
      if (p.length === 0) a.noProposal += 1;
    }
    return a;
  };
  return [
    demo,
    apart('held-back titles (written with the word lists)', HELD_BACK),
    apart('independent titles (written without seeing them)', INDEPENDENT),
  ];
}
