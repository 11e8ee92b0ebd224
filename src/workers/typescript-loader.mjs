// Loads the TypeScript sources through tsx (the package runs without a build step), for the
// executable and for the entries of worker threads. The packages named in `preload` are
// imported first, by Node's own loader: through tsx's hooks each of their files costs a round
// trip to the loader thread (kysely alone has 262 files, which made up 0.3 s of every command),
// and once loaded they are cached for the TypeScript code that imports them.
export async function importTypeScript(url, preload = []) {
  await Promise.all(preload.map((name) => import(name)));
  const { register } = await import('tsx/esm/api');
  register();
  return import(url);
}
