// Preloaded (`--import`) into a process the benchmark profiles: the parent sends `profile:start` and
// `profile:stop` over the IPC channel, so the profile covers the measured load only (not the boot), and is written
// to BENCH_CPU_PROFILE before the parent stops the process (a SIGTERM exit would lose `--cpu-prof`'s file).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

const file = process.env.BENCH_CPU_PROFILE;
if (file && process.channel) {
  const session = new Session();
  session.connect();
  process.on('message', async (message) => {
    if (message === 'profile:start') {
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 500 });
      await session.post('Profiler.start');
      process.send('profile:started');
    } else if (message === 'profile:stop') {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      process.send('profile:written');
    }
  });
  // The channel must not keep the process alive on its own.
  process.channel.unref();
}
