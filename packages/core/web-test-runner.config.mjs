import { wtrConfig } from '../../scripts/wtr-config.mjs';

export default wtrConfig({ name: 'core-browser', files: ['packages/core/test/browser/**/*.test.ts'] });
