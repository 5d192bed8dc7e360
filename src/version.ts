/** trailsim's version, written into outputs: same seed and same major version give the same bytes. */
export const VERSION = '0.1.0';
