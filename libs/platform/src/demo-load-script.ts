/**
 * The frame of a script that loads demo data into running services (`infra/dev.sh demo`): every argument the usage
 * names is required, else the usage is printed and the script exits 2; a load that fails prints why and exits 1.
 * `load` gets the arguments in the usage's order and prints what it did.
 */
export async function runDemoLoadScript(options: {
  /** e.g. `node load-demo-district.js <organizationBaseUrl> <bearerToken>` */
  usage: string;
  /** What is loaded, for the failure line: `demo district not loaded: …`. */
  loads: string;
  load: (args: string[]) => Promise<void>;
}): Promise<void> {
  const args = process.argv.slice(2);
  const named = options.usage.match(/<[^>]+>/g)?.length ?? 0;
  if (args.slice(0, named).filter(Boolean).length < named) {
    process.stderr.write(`usage: ${options.usage}\n`);
    process.exit(2);
  }
  try {
    await options.load(args);
  } catch (error) {
    process.stderr.write(`${options.loads} not loaded: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
