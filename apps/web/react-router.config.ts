import type { Config } from '@react-router/dev/config';

// Every page is rendered on the server; scripts only improve what already works without them.
export default {
  appDirectory: 'app',
  ssr: true,
} satisfies Config;
