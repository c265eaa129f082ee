// The one script of the admin pages: a Copy button for the signing secret. Without it the secret is still
// shown in a read-only field to select and copy by hand, so the button only appears when this runs.
document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    button.hidden = false;
    button.addEventListener('click', function () {
        field.select();
        var copied = navigator.clipboard ? navigator.clipboard.writeText(field.value)
            : Promise.resolve(document.execCommand('copy'));
        copied.then(function () { button.textContent = 'Copied'; }, function () { button.textContent = 'Press Ctrl+C'; });
    });
});
