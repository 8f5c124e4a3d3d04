// Stands in for sync-fetch and node-fetch in dist/citationLib.js (see esbuild.js): Policy Memo makes no network access.
'use strict';
function noNetwork() {
  throw new Error('Policy Memo makes no network access');
}
class Headers {}
noNetwork.Headers = Headers;
module.exports = noNetwork;
module.exports.default = noNetwork;
module.exports.Headers = Headers;
