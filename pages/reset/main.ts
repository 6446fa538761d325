// Entry of the /reset-password page (Vite "pages" build).
import './chatpoint-reset-password.ts';
