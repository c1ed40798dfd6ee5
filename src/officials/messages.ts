/** English strings of this feature; keys are prefixed with the feature's name. */
const en = {};

/** Spanish strings: the type makes tsc fail when a key is missing or extra. */
const es: Record<keyof typeof en, string> = {};

export const officialsMessages = { en, es };
