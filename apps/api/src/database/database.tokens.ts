/** Injection token of the database mode ('embedded' | 'server'). */
export const DATABASE_MODE = Symbol('DATABASE_MODE');
