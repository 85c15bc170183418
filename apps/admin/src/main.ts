import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './app.vue';
import { applyDocumentLanguage, i18n } from './locales';
import { createAppRouter } from './router';
import { installGuards } from './router/guards';
import './styles/main.css';

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
const router = createAppRouter();
installGuards(router);
app.use(router);
applyDocumentLanguage();
app.mount('#app');
