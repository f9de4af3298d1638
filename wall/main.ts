import { mount } from 'svelte';
import 'maplibre-gl/dist/maplibre-gl.css';
import './theme.css';
import App from './App.svelte';
import { lockDown } from './kiosk/lockdown.ts';

// Before anything on the wall runs: no dialog, menu or cursor from here on.
lockDown();
const target = document.getElementById('app');
if (!target) throw new Error('wall: #app element missing from index.html');
mount(App, { target });
