require('esbuild').buildSync({entryPoints:['src/core/extract.ts','src/core/source.ts'],bundle:true,platform:'node',outdir:'/tmp/x',format:'cjs',logLevel:'error'});
const {parseSource}=require('/tmp/x/source.js'); const {extract}=require('/tmp/x/extract.js');
const fs=require('fs');
const d=parseSource({path:process.argv[2]||'media/sample/rutte-sudani-the-hague.txt',content:fs.readFileSync(process.argv[2]||'media/sample/rutte-sudani-the-hague.txt','utf8')});
const x=extract(d);
for (const q of x.quotes) console.log('Q', q.speaker, '|', q.text.slice(0,70));
for (const f of x.facts) console.log('F', f.sentence.paragraph, f.values.map(v=>v.type[0]+':'+v.text+(v.type==='number'?`=${v.value}/${v.unit}/${v.qualifier||''}`: v.type==='date'?`=${v.year||''}-${v.month||''}-${v.day||''}/${v.relation||''}`: '='+v.value)).join(' ; '));
console.log(x.people);
