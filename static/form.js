// Live character count for the comment form's text.  The form works
// without it: the limit is in the label and the server checks it.
(function () {
	'use strict';
	var areas = document.querySelectorAll('textarea[data-max]');
	Array.prototype.forEach.call(areas, function (ta) {
		var hint = document.getElementById(ta.id + '-count');
		var out = hint && hint.querySelector('[data-count]');
		var max = parseInt(ta.getAttribute('data-max'), 10);
		if (!out) return;
		var update = function () {
			// Code points, as the server counts (CRLF is one).
			var n = Array.from(ta.value.replace(/\r\n?/g, '\n')).length;
			out.textContent = String(n);
			hint.classList.toggle('field__count--over', n > max);
		};
		ta.addEventListener('input', update);
		update();
	});
}());
