/** What `console.warn` was handed while `run` ran (each call's arguments joined by spaces); nothing of it is printed. */
export async function warningsOf(run: () => Promise<unknown>): Promise<string[]> {
  const warned: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warned.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = warn;
  }
  return warned;
}
