// Registers a resolve hook that makes '@duckdb/*' unresolvable, as on a machine where the
// optional dependency was not installed.
import { register } from 'node:module';
register('./hooks.mjs', import.meta.url);
