import { subject } from '../subject.js';

/** A request class: what a service validates a payload against. */
export type RequestClass<Req> = new () => Req;

/**
 * One request-reply subject: its name, the class its payload must be (with the validation the handling
 * service applies), and the type of its answer. The client sends by it and the handler is declared by
 * it, so a payload of the wrong shape, or an answer read as the wrong type, fails to compile.
 */
export interface RpcDef<Req, Res> {
  /** The full subject, with NATS_SUBJECT_PREFIX as it was when the definition was made (at import). */
  readonly subject: string;
  readonly request: RequestClass<Req>;
  /** Never set: it only carries the answer's type. */
  readonly answer?: Res;
}

/** `defineRpc('orders.orders.create', CreateOrderRequest).answers<OrderView>()`. */
export function defineRpc<Req>(name: string, request: RequestClass<Req>): { answers<Res>(): RpcDef<Req, Res> } {
  return { answers: () => ({ subject: subject(name), request }) };
}

/** The payload type of a definition. */
export type RequestOf<D> = D extends RpcDef<infer Req, unknown> ? Req : never;
/** The answer type of a definition. */
export type AnswerOf<D> = D extends RpcDef<unknown, infer Res> ? Res : never;
