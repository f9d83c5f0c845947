/** The tracks a worker record places the worker on: its post step and its professional title step. */
export const workerTracks = { post: 'post', title: 'professional' } as const;
