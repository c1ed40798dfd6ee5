// The meetings feature's queries, by subject: meetings and their lists, the loop's statements, templates.
export * from './meetings';
export * from './lifecycle';
export * from './templates';
