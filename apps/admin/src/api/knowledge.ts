/** The knowledge base (topics, FAQs, dictionary, articles) and the staff's question tools. */
import { api } from './client';

export const knowledgeApi = api.knowledge;

export const explainQuestion = (text: string) => api.assistant.explain({ text });
export const listProposals = api.assistant.proposals;
export const decideProposal = api.assistant.decideProposal;
