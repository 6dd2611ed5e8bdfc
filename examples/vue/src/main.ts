import { createApp } from 'vue';
import '@ikrar/widget';
import App from './App.vue';

createApp(App).mount('#app');
