import type { DispatchContext } from '../dispatch';
import type { OperationName, OutputOf, ParsedInputOf } from '../contract';

export type Handler<N extends OperationName> = (
  input: ParsedInputOf<N>,
  ctx: DispatchContext,
) => OutputOf<N> | Promise<OutputOf<N>>;

/** The handlers of one domain: a missing or misspelt operation fails the type check. */
export type DomainHandlers<D extends string> = {
  [N in OperationName as N extends `${D}.${string}` ? N : never]: Handler<N>;
};

export type Handlers = { [N in OperationName]: Handler<N> };
