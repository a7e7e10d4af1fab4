// The admin's agenda pages under axe-core at desktop width (issue 8);
// the pages and the check are in agenda-admin-axe.mjs.
import { DESKTOP } from './lib.mjs';
import { adminAgendaAxe } from './agenda-admin-axe.mjs';

adminAgendaAxe('desktop', DESKTOP);
