// The organizers' queries, by subject.
export * from './audit';
export * from './organizers';
export * from './passkeys';
export * from './sign-in';
