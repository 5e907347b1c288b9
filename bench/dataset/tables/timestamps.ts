/** A timestamp as COPY reads it. */
export const iso = (ms: number): string => new Date(ms).toISOString();
