/** One decorator for a field rule that takes several class-validator checks, so the rule is written once. */
export function allOf(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, propertyKey) => {
    for (const decorate of decorators) decorate(target, propertyKey);
  };
}
