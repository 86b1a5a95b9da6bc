import type { DispatchContext } from '../dispatch';
import type { Contract, OperationName, OutputOf, ParsedInputOf } from '../../../db/core/contract';

/**
 * An undoable operation's handler returns its value, never a promise: its change stays open only
 * while it runs synchronously, so nothing else can write in between and be counted in it.
 */
export type Handler<N extends OperationName> = (
  input: ParsedInputOf<N>,
  ctx: DispatchContext,
) => Contract[N]['effect'] extends 'undoable' ? OutputOf<N> : OutputOf<N> | Promise<OutputOf<N>>;

/** The handlers of one domain: a missing or misspelt operation fails the type check. */
export type DomainHandlers<D extends string> = {
  [N in OperationName as N extends `${D}.${string}` ? N : never]: Handler<N>;
};

export type Handlers = { [N in OperationName]: Handler<N> };
