// Compiled code keeps the "@ccb/..." imports of the sources; resolve them to the compiled libraries.
const path = require('node:path');
const { register } = require('tsconfig-paths');

register({
  baseUrl: path.resolve(__dirname, '../../dist'),
  paths: { '@ccb/*': ['libs/*/src'] },
});
