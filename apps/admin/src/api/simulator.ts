import { api } from './client';

export const simulatorSettings = () => api.assistant.simulator();
