// Lets a child process run the TypeScript sources directly (node -r ./test/support/ts-hook.js x.ts),
// compiled on load by swc, with "@ccb/..." resolved to the libraries' sources: the crash test kills
// a real projector process without waiting for a build.
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');
const { register } = require('tsconfig-paths');

const root = path.resolve(__dirname, '../..');
register({ baseUrl: root, paths: { '@ccb/*': ['libs/*/src'] } });

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022', keepClassNames: true },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
