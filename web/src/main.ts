// Entry point: the styles and the app shell on index.html's <main> and <nav>.
import './styles.css';
import { startApp } from './app';

startApp(document.getElementById('main') as HTMLElement, document.getElementById('nav') as HTMLElement);
