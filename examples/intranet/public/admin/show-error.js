// The page's one error line (role=alert): the Indonesian message of the last refusal.
import { $ } from '../api.js';

export function showError(err) {
  $('error').textContent = err ? err.message : '';
}
