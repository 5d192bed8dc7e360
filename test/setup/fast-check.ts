import fc from 'fast-check';

// `npm test` is reproducible: property tests draw from a fixed seed, so CI never fails on a
// draw nobody can replay. Explore new inputs with FC_SEED=<n> or FC_RANDOM=1 (npm run
// test:long does both: random seeds and more runs).
if (!process.env.FC_RANDOM) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(process.env.FC_SEED ?? 20261125) });
