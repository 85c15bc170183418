import { Inject } from '@nestjs/common';

/** Injection token of the validated Env object. */
export const ENV = Symbol('ENV');
export const InjectEnv = () => Inject(ENV);
