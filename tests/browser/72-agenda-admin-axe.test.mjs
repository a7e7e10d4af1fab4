// The admin's agenda pages under axe-core at phone width (issue 8);
// the pages and the check are in agenda-admin-axe.mjs.
import { PHONE } from './lib.mjs';
import { adminAgendaAxe } from './agenda-admin-axe.mjs';

adminAgendaAxe('phone', PHONE);
