// Mocha entry point loaded by the VS Code extension host (extensionTestsPath), as with
// @vscode/test-electron's runTests on a desktop VS Code. The suites are bundled into this file.
import Mocha from 'mocha';

export function run(): Promise<void> {
  // POLICY_MEMO_TEST_GREP (passed through the VS Code server to the extension host) runs only the matching tests.
  const grep = process.env.POLICY_MEMO_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 90000, reporter: 'spec', ...(grep ? { grep } : {}) });
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('./sidebar.test');
  require('./checking.test');
  require('./citing.test');
  require('./bibliography.test');
  require('./robustness.test');
  require('./security.test');
  require('./large.test');
  require('./status.test');
  require('./documents.test');
  require('./reader.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`${runner.stats?.passes ?? mocha.suite.total() - failures} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
