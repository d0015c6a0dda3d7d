/** Entry point of the bundled server (dist/server.js) and of bin/norma-language-server.js. */
import { main } from './main';

main(process.argv.slice(2));
