export async function resolve(specifier, context, next) {
  if (specifier.startsWith('@duckdb/')) {
    const e = new Error(`Cannot find package '${specifier}' imported from ${context.parentURL}`);
    e.code = 'ERR_MODULE_NOT_FOUND';
    throw e;
  }
  return next(specifier, context);
}
