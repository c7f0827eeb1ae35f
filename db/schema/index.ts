export * from './enums';
export * from './clinics';
export * from './users';
export * from './patients';
export * from './content';
export * from './plans';
export * from './activity';
export * from './relations';
