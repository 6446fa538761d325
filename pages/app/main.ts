// Entry of the /app page (Vite "pages" build).
import './chatpoint-app.ts';
