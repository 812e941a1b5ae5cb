/** The home page: five tools sharing one API client. */
import { initCompare } from './compare.js';
import { initFaceMaker } from './face-maker.js';
import { initFileCheck } from './file-check.js';
import { initMorph } from './morph.js';
import { initPhoto } from './photo.js';
import { wireCopyButtons } from './ui.js';

initFaceMaker();
const fillComputed = initCompare();
initFileCheck(fillComputed);
initPhoto(initMorph());
wireCopyButtons();
