export class GetProductsCommand {
  readonly ids: number[];

  constructor(fields: GetProductsCommand) {
    Object.assign(this, fields);
  }
}
