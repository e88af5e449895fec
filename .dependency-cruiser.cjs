/**
 * Where a change goes, checked: no cycles, and no import that runs back up the layers
 * (`npm run deps`, run by .ci/run beside lint). Layers, lowest first:
 * - libs: domain and event-store (no other lib) < read-models < iati (IATI files in and out) < runtime; no lib imports an app.
 * - libs/read-models: api/ (result types, domain vocabulary only) and view/ (the base fold) < funding/, local-ownership/, dossier/ < partnerships/, timeline/,
 *   replay/, queries/ < projection/ (the registry and runner).
 * - apps/api: config, common < auth < event-sourcing < the capability modules < demo < the root (app module,
 *   factory, main, error filter).
 */
const API = '^apps/api/src/';
// Command-line entry points (`*-cli.ts`, `demo-reset.ts`) open the whole app: they sit at the root whatever their folder.
const ENTRY_POINTS = '(-cli|demo-reset)\\.ts$';
const upward = (name, from, to) => ({ name, severity: 'error', from: { path: from, pathNot: ENTRY_POINTS }, to: { path: to } });

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    upward('domain-is-pure', '^libs/domain/', '^(libs/(event-store|read-models|iati|runtime)|apps)/'),
    upward('event-store-stands-alone', '^libs/event-store/', '^(libs/(domain|read-models|iati|runtime)|apps)/'),
    upward('read-models-below-runtime', '^libs/read-models/', '^(libs/(iati|runtime)|apps)/'),
    upward('iati-below-runtime', '^libs/iati/', '^(libs/runtime|apps)/'),
    upward('libs-below-apps', '^libs/', '^apps/'),
    // The result types the dashboard imports depend on the domain's vocabulary alone (a browser build reads them).
    upward('result-types-stand-alone', '^libs/read-models/src/api/', '^libs/(read-models/src/(?!api/)|event-store|runtime)'),
    upward('view-is-the-base-fold', '^libs/read-models/src/view/', '^libs/read-models/src/(funding|local-ownership|dossier|partnerships|timeline|replay|queries|projection)/'),
    upward('figures-below-projections', '^libs/read-models/src/(funding|local-ownership|dossier)/', '^libs/read-models/src/(partnerships|timeline|replay|queries|projection)/'),
    upward(
      'api-common-at-the-bottom',
      `${API}(config|common)/`,
      `${API}(auth|event-sourcing|event-store|database|organisations|partnerships|corrections|exchange-rates|history|iati|read-models|health|dashboard|demo)/|${API}[^/]+$`,
    ),
    upward(
      'api-auth-below-commands',
      `${API}auth/`,
      `${API}(event-sourcing|organisations|partnerships|corrections|exchange-rates|history|iati|read-models|health|dashboard|demo)/|${API}[^/]+$`,
    ),
    upward(
      'api-event-sourcing-below-capabilities',
      `${API}event-sourcing/`,
      `${API}(organisations|partnerships|corrections|exchange-rates|history|iati|read-models|health|dashboard|demo)/|${API}[^/]+$`,
    ),
    upward('api-capabilities-below-demo', `${API}(organisations|partnerships|corrections|exchange-rates|history|iati|read-models|health|dashboard)/`, `${API}demo/|${API}[^/]+$`),
    upward('api-demo-below-root', `${API}demo/`, `${API}[^/]+$`),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js'] },
  },
};
