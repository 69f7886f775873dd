<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CalculatorFormat</name>
    <message>
        <source>FLOP</source>
        <translation>FLOP</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1M</source>
        <translation>%1M</translation>
    </message>
    <message>
        <source>%1K</source>
        <translation>%1K</translation>
    </message>
</context>
<context>
    <name>TourSteps</name>
    <message>
        <source>IsoFLOP parabolas</source>
        <translation>IsoFLOP-Parabeln</translation>
    </message>
    <message>
        <source>Each colour is one compute budget: at fixed compute, loss against model size is a parabola in log N. Its minimum is the best model size for that budget.</source>
        <translation>Jede Farbe ist ein Rechenbudget: Bei festem Rechenaufwand ist der Verlust über der Modellgröße eine Parabel in log N. Ihr Minimum ist die beste Modellgröße für dieses Budget.</translation>
    </message>
    <message>
        <source>Lower loss at equal compute</source>
        <translation>Geringerer Verlust bei gleichem Rechenaufwand</translation>
    </message>
    <message>
        <source>Compare the parabolas of the same colour: at every budget the xLSTM&apos;s minimum lies below the Transformer&apos;s. Equal compute buys the xLSTM a lower loss.</source>
        <translation>Vergleichen Sie die gleichfarbigen Parabeln: Bei jedem Budget liegt das Minimum des xLSTM unter dem des Transformers. Gleicher Rechenaufwand bringt dem xLSTM einen geringeren Verlust.</translation>
    </message>
    <message>
        <source>Compute-optimal frontiers</source>
        <translation>Rechenoptimale Grenzen</translation>
    </message>
    <message>
        <source>The right chart joins the minima: the optimal model size grows as a power law N* = A·C^a, a straight line per architecture on log axes.</source>
        <translation>Das rechte Diagramm verbindet die Minima: Die optimale Modellgröße wächst als Potenzgesetz N* = A·C^a, eine Gerade je Architektur auf logarithmischen Achsen.</translation>
    </message>
    <message>
        <source>A larger optimal xLSTM</source>
        <translation>Ein größeres optimales xLSTM</translation>
    </message>
    <message>
        <source>The table below the charts answers what 10^23 FLOPs buy: the compute-optimal xLSTM is larger than the compute-optimal Transformer. At equal compute the xLSTM puts more of it into parameters.</source>
        <translation>Die Tabelle unter den Diagrammen beantwortet, was 10^23 FLOPs bringen: Das rechenoptimale xLSTM ist größer als der rechenoptimale Transformer. Bei gleichem Rechenaufwand steckt das xLSTM mehr davon in Parameter.</translation>
    </message>
    <message>
        <source>The same runs against data</source>
        <translation>Dieselben Läufe über den Daten</translation>
    </message>
    <message>
        <source>With training tokens on the x axis the parabolas&apos; minima give D*, the data each architecture wants for a budget. N* and D* together spend the budget: C is about 6 N D.</source>
        <translation>Mit Trainings-Tokens auf der x-Achse liefern die Minima der Parabeln D*, die Datenmenge, die jede Architektur für ein Budget braucht. N* und D* zusammen schöpfen das Budget aus: C ist etwa 6 N D.</translation>
    </message>
    <message>
        <source>The context study</source>
        <translation>Die Kontextstudie</translation>
    </message>
    <message>
        <source>The IsoFLOP study at training contexts of 2K, 8K and 16K tokens: as T grows, the Transformer&apos;s compute-optimal size falls much faster than the xLSTM&apos;s. Its attention cost grows with T and takes compute away from parameters.</source>
        <translation>Die IsoFLOP-Studie bei Trainingskontexten von 2K, 8K und 16K Tokens: Mit wachsendem T sinkt die rechenoptimale Größe des Transformers viel schneller als die des xLSTM. Seine Attention-Kosten wachsen mit T und entziehen den Parametern Rechenaufwand.</translation>
    </message>
    <message>
        <source>One law for all runs</source>
        <translation>Ein Gesetz für alle Läufe</translation>
    </message>
    <message>
        <source>The parametric fit L(N, D) = E + (A N^-α + B D^-β)^γ describes every run at once. Its iso-loss contours and efficient frontier agree with the IsoFLOP analysis.</source>
        <translation>Der parametrische Fit L(N, D) = E + (A N^-α + B D^-β)^γ beschreibt alle Läufe auf einmal. Seine Iso-Verlust-Konturen und seine effiziente Grenze stimmen mit der IsoFLOP-Analyse überein.</translation>
    </message>
    <message>
        <source>Inference cost against context</source>
        <translation>Inferenzkosten über dem Kontext</translation>
    </message>
    <message>
        <source>The paper&apos;s H100 measurements: the Transformer&apos;s decode step slows down as the context grows, the xLSTM&apos;s stays flat. The ratio under the chart grows with context.</source>
        <translation>Die H100-Messungen des Papers: Der Dekodierschritt des Transformers wird mit wachsendem Kontext langsamer, der des xLSTM bleibt flach. Das Verhältnis unter dem Diagramm wächst mit dem Kontext.</translation>
    </message>
    <message>
        <source>State against KV cache</source>
        <translation>Zustand gegen KV-Cache</translation>
    </message>
    <message>
        <source>A Transformer keeps keys and values of every past token, an xLSTM a fixed-size state. Drag Context T and watch the dashed line cross the GPU sizes while the solid one stays flat.</source>
        <translation>Ein Transformer speichert Keys und Values jedes vergangenen Tokens, ein xLSTM einen Zustand fester Größe. Ziehen Sie „Kontext T“ und sehen Sie, wie die gestrichelte Linie die GPU-Größen kreuzt, während die durchgezogene flach bleibt.</translation>
    </message>
    <message>
        <source>Linear against quadratic</source>
        <translation>Linear gegen quadratisch</translation>
    </message>
    <message>
        <source>At 128K tokens attention is most of a 7B Transformer&apos;s FLOPs per token, while the mLSTM cell stays a small constant share. This is the linear time complexity in the paper&apos;s title.</source>
        <translation>Bei 128K Tokens macht Attention den Großteil der FLOPs pro Token eines 7B-Transformers aus, während die mLSTM-Zelle ein kleiner konstanter Anteil bleibt. Das ist die lineare Zeitkomplexität aus dem Titel des Papers.</translation>
    </message>
</context>
<context>
    <name>ViewState</name>
    <message>
        <source>view file field &apos;%1&apos;: expected %2</source>
        <translation>Ansichtsdatei, Feld „%1“: %2 erwartet</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a number from %1 to %2</source>
        <translation>eine Zahl von %1 bis %2</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>not a view file: JSON error at byte %1: %2</source>
        <translation>keine Ansichtsdatei: JSON-Fehler bei Byte %1: %2</translation>
    </message>
    <message>
        <source>not a Seqscope view file (&quot;format&quot; is not &quot;seqscope-view&quot;)</source>
        <translation>keine Seqscope-Ansichtsdatei (&quot;format&quot; ist nicht &quot;seqscope-view&quot;)</translation>
    </message>
    <message>
        <source>view file version %1 is not supported (this Seqscope reads version %2)</source>
        <translation>Version %1 der Ansichtsdatei wird nicht unterstützt (dieses Seqscope liest Version %2)</translation>
    </message>
    <message>
        <source>a list of architectures</source>
        <translation>eine Liste von Architekturen</translation>
    </message>
    <message>
        <source>&quot;params&quot; or &quot;tokens&quot;</source>
        <translation>&quot;params&quot; oder &quot;tokens&quot;</translation>
    </message>
    <message>
        <source>[low, high] with low &lt; high</source>
        <translation>[unten, oben] mit unten &lt; oben</translation>
    </message>
    <message>
        <source>a list of run ids</source>
        <translation>eine Liste von Lauf-IDs</translation>
    </message>
    <message>
        <source>fp32, bf16 or fp8</source>
        <translation>fp32, bf16 oder fp8</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot read &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is larger than 1 MiB; a view file is a few hundred bytes</source>
        <translation>„%1“ ist größer als 1 MiB; eine Ansichtsdatei hat einige hundert Bytes</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Seqscope workbench: xLSTM vs Transformer scaling.</source>
        <translation>Seqscope-Workbench: Skalierung von xLSTM und Transformer im Vergleich.</translation>
    </message>
    <message>
        <source>Experiment database to open.</source>
        <translation>Zu öffnende Experimentdatenbank.</translation>
    </message>
    <message>
        <source>Render the window to a PNG file once its views have loaded, then exit.</source>
        <translation>Das Fenster nach dem Laden der Ansichten als PNG-Datei speichern und beenden.</translation>
    </message>
    <message>
        <source>View to show first (overview, loss, scaling, ...).</source>
        <translation>Zuerst angezeigte Ansicht (overview, loss, scaling, ...).</translation>
    </message>
    <message>
        <source>Window size for --screenshot, e.g. 1400x900.</source>
        <translation>Fenstergröße für --screenshot, z. B. 1400x900.</translation>
    </message>
    <message>
        <source>User interface language, e.g. de or en.</source>
        <translation>Sprache der Benutzeroberfläche, z. B. de oder en.</translation>
    </message>
    <message>
        <source>Colour theme: system, light or dark.</source>
        <translation>Farbschema: system, light oder dark.</translation>
    </message>
    <message>
        <source>Scaling view source: a dataset, runs, sweep:ID or tag:TAG.</source>
        <translation>Quelle der Skalierungsansicht: ein Datensatz, runs, sweep:ID oder tag:TAG.</translation>
    </message>
    <message>
        <source>Start at a saved view (File &gt; Save View): its view, source, filters and selection.</source>
        <translation>Mit einer gespeicherten Ansicht starten (Datei &gt; Ansicht speichern): Ansicht, Quelle, Filter und Auswahl.</translation>
    </message>
    <message>
        <source>With --view tour: the tour step to start at (1 = first).</source>
        <translation>Mit --view tour: der Tour-Schritt, bei dem begonnen wird (1 = erster).</translation>
    </message>
</context>
<context>
    <name>seqscope::gui::CalculatorController</name>
    <message>
        <source>precision &apos;%1&apos; is not fp32, bf16 or fp8</source>
        <translation>Präzision „%1“ ist nicht fp32, bf16 oder fp8</translation>
    </message>
    <message>
        <source>fitted to %1 xLSTM and %2 Transformer decode steps %3</source>
        <translation>angepasst an %1 xLSTM- und %2 Transformer-Dekodierschritte, %3</translation>
    </message>
    <message>
        <source>measured on an H100 (the paper&apos;s release)</source>
        <translation>gemessen auf einer H100 (Veröffentlichung des Papers)</translation>
    </message>
    <message>
        <source>no H100 model: %1</source>
        <translation>kein H100-Modell: %1</translation>
    </message>
    <message>
        <source>benchmarked in this database</source>
        <translation>in dieser Datenbank gemessen</translation>
    </message>
    <message>
        <source>no benchmarks of this machine yet (Inference view, or seqscope-cli bench inference)</source>
        <translation>noch keine Messungen dieses Rechners (Inferenzansicht oder seqscope-cli bench inference)</translation>
    </message>
    <message>
        <source>no frontier fitted yet (Scaling view)</source>
        <translation>noch keine Grenze angepasst (Skalierungsansicht)</translation>
    </message>
    <message>
        <source>the Scaling view&apos;s frontier laws (%1)</source>
        <translation>die Grenzgesetze der Skalierungsansicht (%1)</translation>
    </message>
    <message>
        <source>Paper %1 (d %2, %3 blocks)</source>
        <translation>Paper %1 (d %2, %3 Blöcke)</translation>
    </message>
    <message>
        <source>CPU %1 (d %2, %3 blocks)</source>
        <translation>CPU %1 (d %2, %3 Blöcke)</translation>
    </message>
</context>
<context>
    <name>seqscope::gui::ClusterController</name>
    <message numerus="yes">
        <source>%n missing</source>
        <translation>
            <numerusform>%n fehlt</numerusform>
            <numerusform>%n fehlen</numerusform>
        </translation>
    </message>
    <message>
        <source>no tasks</source>
        <translation>keine Tasks</translation>
    </message>
    <message>
        <source>run not in this database</source>
        <translation>Lauf nicht in dieser Datenbank</translation>
    </message>
    <message>
        <source>seqscope-cli was not found next to the workbench or on PATH; it collects cluster sweeps.</source>
        <translation>seqscope-cli wurde weder neben der Workbench noch im PATH gefunden; es sammelt Cluster-Sweeps ein.</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>seqscope-cli crashed: %1</source>
        <translation>seqscope-cli ist abgestürzt: %1</translation>
    </message>
    <message>
        <source>exit %1: %2</source>
        <translation>Exit-Code %1: %2</translation>
    </message>
    <message>
        <source>(no message)</source>
        <translation>(keine Meldung)</translation>
    </message>
    <message>
        <source>Slurm could not be asked (%1); run files were merged, states are the last ones seen</source>
        <translation>Slurm konnte nicht abgefragt werden (%1); Laufdateien wurden zusammengeführt, Zustände sind die zuletzt gesehenen</translation>
    </message>
</context>
<context>
    <name>seqscope::gui::ContextController</name>
    <message>
        <source>xLSTM</source>
        <translation>xLSTM</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>%1 &amp;plusmn; %2</source>
        <translation>%1 &amp;plusmn; %2</translation>
    </message>
    <message>
        <source>%1 (no error from two contexts)</source>
        <translation>%1 (kein Fehler aus zwei Kontexten)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: no context study (%2)&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: keine Kontextstudie (%2)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <source>not fitted at %1 (%2)</source>
        <translation>bei %1 nicht angepasst (%2)</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; (T = %2; %n run(s)): </source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; (T = %2; %n Lauf): </numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; (T = %2; %n Läufe): </numerusform>
        </translation>
    </message>
    <message>
        <source>no budget has a valid minimum at two or more contexts</source>
        <translation>kein Budget hat ein gültiges Minimum bei zwei oder mehr Kontexten</translation>
    </message>
    <message>
        <source>%1 &amp;prop; T&lt;sup&gt;%2&lt;/sup&gt; with %2 = %3</source>
        <translation>%1 &amp;prop; T&lt;sup&gt;%2&lt;/sup&gt; mit %2 = %3</translation>
    </message>
    <message>
        <source>; at one context only, not drawn: %1</source>
        <translation>; nur bei einem Kontext, nicht gezeichnet: %1</translation>
    </message>
    <message>
        <source>context study %1 [arch %2%3]</source>
        <translation>Kontextstudie %1 [arch %2%3]</translation>
    </message>
    <message>
        <source>T = %1 to %2</source>
        <translation>T = %1 bis %2</translation>
    </message>
    <message>
        <source>falls by %1 % for the %2</source>
        <translation>beim %2 um %1 % kleiner</translation>
    </message>
    <message>
        <source>grows by %1 % for the %2</source>
        <translation>beim %2 um %1 % größer</translation>
    </message>
    <message>
        <source> over %1</source>
        <translation> im Bereich %1</translation>
    </message>
    <message>
        <source> (%1 &amp;prop; T&lt;sup&gt;%2&lt;/sup&gt;)</source>
        <translation> (%1 &amp;prop; T&lt;sup&gt;%2&lt;/sup&gt;)</translation>
    </message>
    <message>
        <source>At %1 FLOPs, from %2, compute-optimal %3</source>
        <translation>Bei %1 FLOPs wird von %2 das rechenoptimale %3</translation>
    </message>
    <message>
        <source>At %1 FLOPs, compute-optimal %2</source>
        <translation>Bei %1 FLOPs wird das rechenoptimale %2</translation>
    </message>
    <message>
        <source>, and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>recording the context fit: %1</source>
        <translation>Kontext-Fit nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>your runs</source>
        <translation>Ihre Läufe</translation>
    </message>
    <message>
        <source>&lt;p&gt;No IsoFLOP runs at two or more context lengths in this source.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Keine IsoFLOP-Läufe bei zwei oder mehr Kontextlängen in dieser Quelle.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>seqscope::gui::DashboardController</name>
    <message>
        <source>Cannot start the demo: %1</source>
        <translation>Demo kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 (%3 rows)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 (%3 Zeilen)</translation>
    </message>
    <message>
        <source>%1 (%2 GiB)</source>
        <translation>%1 (%2 GiB)</translation>
    </message>
    <message>
        <source>A sweep is running; its runs are listed below.</source>
        <translation>Ein Sweep läuft; seine Läufe stehen unten.</translation>
    </message>
    <message numerus="yes">
        <source>%n runs of both architectures at context 256, about %1 min on this machine; then see their parabolas and frontier in the Scaling view (source: runs).</source>
        <translation>
            <numerusform>%n Lauf beider Architekturen bei Kontext 256, etwa %1 min auf diesem Rechner; danach zeigt die Skalierungsansicht Parabeln und Grenze (Quelle: runs).</numerusform>
            <numerusform>%n Läufe beider Architekturen bei Kontext 256, etwa %1 min auf diesem Rechner; danach zeigt die Skalierungsansicht ihre Parabeln und Grenze (Quelle: runs).</numerusform>
        </translation>
    </message>
    <message>
        <source>12 runs of both architectures at context 256, sized to about 10 minutes here (a probe step measures this machine first); then see their parabolas in the Scaling view.</source>
        <translation>12 Läufe beider Architekturen bei Kontext 256, ausgelegt auf etwa 10 Minuten hier (ein Messschritt misst zuerst diesen Rechner); danach zeigt die Skalierungsansicht ihre Parabeln.</translation>
    </message>
    <message>
        <source>no database is open</source>
        <translation>keine Datenbank geöffnet</translation>
    </message>
    <message numerus="yes">
        <source>Demo: %n run(s) queued, about %1 min</source>
        <translation>
            <numerusform>Demo: %n Lauf eingereiht, etwa %1 min</numerusform>
            <numerusform>Demo: %n Läufe eingereiht, etwa %1 min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>seqscope::gui::MainWindow</name>
    <message>
        <source>Seqscope</source>
        <translation>Seqscope</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Database...</source>
        <translation>Datenbank ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Bereiche</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>&amp;System folgen</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Seqscope</source>
        <translation>Ü&amp;ber Seqscope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>Open Seqscope Database</source>
        <translation>Seqscope-Datenbank öffnen</translation>
    </message>
    <message>
        <source>Seqscope databases (*.db *.sqlite);;All files (*)</source>
        <translation>Seqscope-Datenbanken (*.db *.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>About Seqscope</source>
        <translation>Über Seqscope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Seqscope %1&lt;/h3&gt;&lt;p&gt;A workbench for comparing sequence architectures - xLSTM (mLSTM blocks) against Transformers - after &lt;i&gt;xLSTM Scaling Laws: Competitive Performance with Linear Time-Complexity&lt;/i&gt; (Beck et al., arXiv 2510.02228).&lt;/p&gt;&lt;p&gt;Built-in data: the paper&apos;s released runs and Epoch AI&apos;s Chinchilla replication points (Besiroglu et al., arXiv 2404.10102).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Seqscope %1&lt;/h3&gt;&lt;p&gt;Eine Workbench zum Vergleich von Sequenzarchitekturen – xLSTM (mLSTM-Blöcke) gegenüber Transformern – nach &lt;i&gt;xLSTM Scaling Laws: Competitive Performance with Linear Time-Complexity&lt;/i&gt; (Beck et al., arXiv 2510.02228).&lt;/p&gt;&lt;p&gt;Mitgelieferte Daten: die veröffentlichten Läufe des Papers und die Chinchilla-Replikationspunkte von Epoch AI (Besiroglu et al., arXiv 2404.10102).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Runs</source>
        <translation>&amp;Läufe</translation>
    </message>
    <message>
        <source>&amp;New Run...</source>
        <translation>&amp;Neuer Lauf...</translation>
    </message>
    <message>
        <source>Seqscope views (*.seqview.json *.json);;All files (*)</source>
        <translation>Seqscope-Ansichten (*.seqview.json *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open &amp;View...</source>
        <translation>&amp;Ansicht öffnen...</translation>
    </message>
    <message>
        <source>Open View</source>
        <translation>Ansicht öffnen</translation>
    </message>
    <message>
        <source>&amp;Save View...</source>
        <translation>Ansicht &amp;speichern...</translation>
    </message>
    <message>
        <source>Save View</source>
        <translation>Ansicht speichern</translation>
    </message>
</context>
<context>
    <name>seqscope::gui::ParametricController</name>
    <message>
        <source>Token/param, T = %1</source>
        <translation>Token/Param., T = %1</translation>
    </message>
    <message>
        <source>IsoFLOP, T = %1</source>
        <translation>IsoFLOP, T = %1</translation>
    </message>
    <message>
        <source>No runs of this architecture in this selection.</source>
        <translation>Keine Läufe dieser Architektur in dieser Auswahl.</translation>
    </message>
    <message>
        <source>Fit cancelled; the charts show the previous fit.</source>
        <translation>Fit abgebrochen; die Diagramme zeigen den vorherigen Fit.</translation>
    </message>
    <message>
        <source>Fit cancelled.</source>
        <translation>Fit abgebrochen.</translation>
    </message>
    <message>
        <source>No fit: %1</source>
        <translation>Kein Fit: %1</translation>
    </message>
    <message>
        <source>Fitted in %1 s.</source>
        <translation>In %1 s angepasst.</translation>
    </message>
    <message>
        <source> Stored as fit %1.</source>
        <translation> Als Fit %1 gespeichert.</translation>
    </message>
    <message>
        <source>Fitted, but not stored: %1</source>
        <translation>Angepasst, aber nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>run #%1</source>
        <translation>Lauf #%1</translation>
    </message>
    <message>
        <source> (yours)</source>
        <translation> (Ihrer)</translation>
    </message>
    <message>
        <source>%1
N %2, D %3, C %4
loss %5</source>
        <translation>%1
N %2, D %3, C %4
Verlust %5</translation>
    </message>
    <message>
        <source>xLSTM</source>
        <translation>xLSTM</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 runs</source>
        <translation>%1 · %2 · %3 Läufe</translation>
    </message>
    <message>
        <source>N* ∝ C^a: a</source>
        <translation>N* ∝ C^a: a</translation>
    </message>
    <message>
        <source>D* ∝ C^b: b</source>
        <translation>D* ∝ C^b: b</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;small&gt;Objective %1 (&amp;delta; %2); %3 starts, %4 ended here. RMS ln-residual %5, mean |&amp;Delta;L| %6. C = %7 N D (%8).&lt;/small&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;small&gt;Zielfunktion %1 (&amp;delta; %2); %3 Starts, %4 endeten hier. RMS-ln-Residuum %5, mittleres |&amp;Delta;L| %6. C = %7 N D (%8).&lt;/small&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Intervals: %1 of %2 bootstrap resamples.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Intervalle: %1 von %2 Bootstrap-Stichproben.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>IsoFLOP + token/param, T = %1 (the paper&apos;s “all”)</source>
        <translation>IsoFLOP + Token/Param., T = %1 (das „all“ des Papers)</translation>
    </message>
</context>
<context>
    <name>seqscope::gui::RunDetails</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>benutzerdefiniert</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Parameters N</source>
        <translation>Parameter N</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Asked for</source>
        <translation>Angefordert</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Tokens D (D/N)</source>
        <translation>Tokens D (D/N)</translation>
    </message>
    <message>
        <source>Training FLOPs C</source>
        <translation>Trainings-FLOPs C</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Held-out share</source>
        <translation>Validierungsanteil</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>%1 tokens every %2 steps</source>
        <translation>%1 Tokens alle %2 Schritte</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>Optimierung</translation>
    </message>
    <message>
        <source>Peak learning rate</source>
        <translation>Maximale Lernrate</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>%1 tokens (%2 sequences, %3 passes)</source>
        <translation>%1 Tokens (%2 Sequenzen, %3 Durchläufe)</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>Gradient clip</source>
        <translation>Gradienten-Clipping</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>Aufwärmphase</translation>
    </message>
    <message>
        <source>%1 steps, cosine to %2</source>
        <translation>%1 Schritte, Kosinus-Abfall auf %2</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Rechner</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>, bf16</source>
        <translation>, bf16</translation>
    </message>
    <message>
        <source>, fp32</source>
        <translation>, fp32</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>alle Kerne</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Checkpoint every</source>
        <translation>Checkpoint alle</translation>
    </message>
    <message>
        <source>%1 steps</source>
        <translation>%1 Schritte</translation>
    </message>
    <message>
        <source>only on cancel</source>
        <translation>nur beim Abbrechen</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1, %2 parameters, context %3, status &lt;b&gt;%4&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1, %2 Parameter, Kontext %3, Status &lt;b&gt;%4&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Reason: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Grund: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Ran on %1 (pid %2)&lt;/p&gt;</source>
        <translation>&lt;p&gt;Lief auf %1 (PID %2)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Show as properties</source>
        <translation>Als Eigenschaften anzeigen</translation>
    </message>
    <message>
        <source>Show the raw JSON</source>
        <translation>Rohes JSON anzeigen</translation>
    </message>
</context>
<context>
    <name>seqscope::gui::RunLauncher</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>xLSTM</source>
        <translation>xLSTM</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>Tokens D</source>
        <translation>Tokens D</translation>
    </message>
    <message>
        <source>Training FLOPs C</source>
        <translation>Trainings-FLOPs C</translation>
    </message>
    <message>
        <source>Tokens per parameter D/N</source>
        <translation>Tokens pro Parameter D/N</translation>
    </message>
    <message>
        <source>fortunes (built-in English corpus), synthetic:mqar, synthetic:selective-copy, a text file path, or tokens:PATH for uint16 token files</source>
        <translation>fortunes (eingebautes englisches Korpus), synthetic:mqar, synthetic:selective-copy, ein Textdateipfad oder tokens:PFAD für uint16-Token-Dateien</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Width d_model</source>
        <translation>Breite d_model</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>Heads</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Budget in</source>
        <translation>Budget in</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Peak learning rate</source>
        <translation>Maximale Lernrate</translation>
    </message>
    <message>
        <source>Tokens per step</source>
        <translation>Tokens pro Schritt</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>Laufname</translation>
    </message>
    <message>
        <source>&amp;Start Run</source>
        <translation>Lauf &amp;starten</translation>
    </message>
    <message>
        <source>%1 (CPU size)</source>
        <translation>%1 (CPU-Größe)</translation>
    </message>
    <message>
        <source>%1 (paper)</source>
        <translation>%1 (Paper)</translation>
    </message>
    <message>
        <source>Custom dimensions</source>
        <translation>Eigene Dimensionen</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>Heads (%1) must divide the width d_model (%2).</source>
        <translation>Die Breite d_model (%2) muss durch die Anzahl der Heads (%1) teilbar sein.</translation>
    </message>
    <message>
        <source>Budget &apos;%1&apos; is not a positive number (e.g. 2e5).</source>
        <translation>Budget „%1“ ist keine positive Zahl (z. B. 2e5).</translation>
    </message>
    <message>
        <source>Learning rate &apos;%1&apos; is not a positive number (e.g. 3e-3).</source>
        <translation>Lernrate „%1“ ist keine positive Zahl (z. B. 3e-3).</translation>
    </message>
    <message>
        <source>automatic (the paper&apos;s for the size)</source>
        <translation>automatisch (Wert des Papers für diese Größe)</translation>
    </message>
    <message>
        <source>probe failed: %1</source>
        <translation>Messung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>measuring one step...</source>
        <translation>ein Schritt wird gemessen...</translation>
    </message>
    <message>
        <source>%1 &lt;small&gt;(%2)&lt;/small&gt;</source>
        <translation>%1 &lt;small&gt;(%2)&lt;/small&gt;</translation>
    </message>
    <message>
        <source>%1 &lt;small&gt;(weights and gradients %2, optimizer %3, activations %4)&lt;/small&gt;</source>
        <translation>%1 &lt;small&gt;(Gewichte und Gradienten %2, Optimierer %3, Aktivierungen %4)&lt;/small&gt;</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <source>%1 + activations (%2)</source>
        <translation>%1 + Aktivierungen (%2)</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Parameters N&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;FLOPs per token&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Steps &amp;times; tokens/step&lt;/td&gt;&lt;td align=right&gt;%3 &amp;times; %4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Tokens D (D/N)&lt;/td&gt;&lt;td align=right&gt;%5 (%6)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Training FLOPs C&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%7&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Peak learning rate&lt;/td&gt;&lt;td align=right&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Estimated time&lt;/td&gt;&lt;td align=right&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Estimated memory&lt;/td&gt;&lt;td align=right&gt;%10&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Parameter N&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;FLOPs pro Token&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Schritte &amp;times; Tokens/Schritt&lt;/td&gt;&lt;td align=right&gt;%3 &amp;times; %4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Tokens D (D/N)&lt;/td&gt;&lt;td align=right&gt;%5 (%6)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Trainings-FLOPs C&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%7&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Maximale Lernrate&lt;/td&gt;&lt;td align=right&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Geschätzte Zeit&lt;/td&gt;&lt;td align=right&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Geschätzter Speicher&lt;/td&gt;&lt;td align=right&gt;%10&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>%1 (imported: continue training)</source>
        <translation>%1 (importiert: weitertrainieren)</translation>
    </message>
</context>
<context>
    <name>seqscope::gui::RunTableModel</name>
    <message>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>divergiert</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>Val loss</source>
        <translation>Val.-Verlust</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Best val loss</source>
        <translation>Bester Val.-Verlust</translation>
    </message>
</context>
<context>
    <name>seqscope::gui::RunsController</name>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;%n runs selected; their curves are overlaid.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;%n Lauf ausgewählt; seine Kurven werden überlagert.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;%n Läufe ausgewählt; ihre Kurven werden überlagert.&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Runs</source>
        <translation>Läufe löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) and all their metrics? This cannot be undone.</source>
        <translation>
            <numerusform>%n Lauf und alle seine Metriken löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>%n Läufe und alle ihre Metriken löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Runs</source>
        <translation>Läufe exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Add Tag</source>
        <translation>Tag hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>Tag for %n run(s):</source>
        <translation>
            <numerusform>Tag für %n Lauf:</numerusform>
            <numerusform>Tag für %n Läufe:</numerusform>
        </translation>
    </message>
    <message>
        <source>all runs</source>
        <translation>alle Läufe</translation>
    </message>
    <message>
        <source>%1 (1 run)</source>
        <translation>%1 (1 Lauf)</translation>
    </message>
    <message>
        <source>%1 (%2 runs)</source>
        <translation>%1 (%2 Läufe)</translation>
    </message>
</context>
<context>
    <name>seqscope::gui::ScalingController</name>
    <message>
        <source>xLSTM</source>
        <translation>xLSTM</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: no fit (%2)&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: kein Fit (%2)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: %2 power law not fitted (%3)&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: Potenzgesetz für %2 nicht angepasst (%3)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>run #%1: N %2, D %3, C %4, loss %5</source>
        <translation>Lauf #%1: N %2, D %3, C %4, Verlust %5</translation>
    </message>
    <message>
        <source>your runs, T = %1</source>
        <translation>Ihre Läufe, T = %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;small&gt;Your runs are grouped into %1 budgets: a sweep&apos;s own budgets, other runs within &amp;plusmn;%2 % of a budget&apos;s compute.&lt;/small&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;small&gt;Ihre Läufe sind in %1 Budgets gruppiert: die eigenen Budgets eines Sweeps, andere Läufe innerhalb von &amp;plusmn;%2 % der Rechenmenge eines Budgets.&lt;/small&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved as fit %1 (Fits panel)</source>
        <translation>Als Fit %1 gespeichert (Bereich „Fits“)</translation>
    </message>
    <message>
        <source>no database is open</source>
        <translation>keine Datenbank geöffnet</translation>
    </message>
    <message>
        <source>no power law is fitted in this selection</source>
        <translation>in dieser Auswahl ist kein Potenzgesetz angepasst</translation>
    </message>
    <message numerus="yes">
        <source>
mean of %n runs, standard deviation %1</source>
        <translation>
            <numerusform>
Mittel aus %n Lauf, Standardabweichung %1</numerusform>
            <numerusform>
Mittel aus %n Läufen, Standardabweichung %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (left out of the fit; Shift+click to bring it back)</source>
        <translation>%1 (aus dem Fit genommen; Umschalt+Klick nimmt ihn wieder auf)</translation>
    </message>
</context>
<context>
    <name>seqscope::gui::SweepDialog</name>
    <message>
        <source>IsoFLOP Sweep</source>
        <translation>IsoFLOP-Sweep</translation>
    </message>
    <message>
        <source>xLSTM</source>
        <translation>xLSTM</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>FLOP budgets</source>
        <translation>FLOP-Budgets</translation>
    </message>
    <message>
        <source>Contexts</source>
        <translation>Kontexte</translation>
    </message>
    <message>
        <source>Architectures</source>
        <translation>Architekturen</translation>
    </message>
    <message>
        <source>Sizes per budget</source>
        <translation>Größen je Budget</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Tokens D</source>
        <translation>Tokens D</translation>
    </message>
    <message>
        <source>D/N</source>
        <translation>D/N</translation>
    </message>
    <message>
        <source>Estimated time</source>
        <translation>Geschätzte Zeit</translation>
    </message>
    <message>
        <source>&amp;Start Sweep</source>
        <translation>Sweep &amp;starten</translation>
    </message>
    <message>
        <source>Budgets &apos;%1&apos; are not positive numbers separated by commas (e.g. 1e12,3e12).</source>
        <translation>Budgets „%1“ sind keine durch Kommas getrennten positiven Zahlen (z. B. 1e12,3e12).</translation>
    </message>
    <message>
        <source>Contexts &apos;%1&apos; are not positive whole numbers separated by commas.</source>
        <translation>Kontexte „%1“ sind keine durch Kommas getrennten positiven ganzen Zahlen.</translation>
    </message>
    <message>
        <source>d=%1 L=%2 H=%3</source>
        <translation>d=%1 L=%2 H=%3</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 runs (%2 runnable), %3 training FLOPs, about %4 min (%5).</source>
        <translation>%1 Läufe (%2 ausführbar), %3 Trainings-FLOPs, etwa %4 min (%5).</translation>
    </message>
</context>
<context>
    <name>seqscope::gui::TourController</name>
    <message>
        <source>Tour</source>
        <translation>Tour</translation>
    </message>
    <message>
        <source>no database is open</source>
        <translation>keine Datenbank geöffnet</translation>
    </message>
    <message>
        <source>Try it yourself: time the CPU 3M xLSTM and Transformer on this machine at 256, 1,024 and 4,096 tokens of context (a few minutes). The Inference view then shows them under &quot;this database&quot;, and the Calculator&apos;s step time on this machine.</source>
        <translation>Selbst ausprobieren: Messen Sie das CPU-3M-xLSTM und den CPU-3M-Transformer auf diesem Rechner bei 256, 1.024 und 4.096 Tokens Kontext (einige Minuten). Die Inferenzansicht zeigt sie dann unter „diese Datenbank“, der Kalkulator die Schrittzeit auf diesem Rechner.</translation>
    </message>
    <message>
        <source>both architectures at contexts 128 and 512, one budget, three sizes each</source>
        <translation>beide Architekturen bei Kontext 128 und 512, ein Budget, je drei Größen</translation>
    </message>
    <message>
        <source>both architectures, two budgets, three sizes each, context 256</source>
        <translation>beide Architekturen, zwei Budgets, je drei Größen, Kontext 256</translation>
    </message>
    <message>
        <source>Try it yourself: a mini IsoFLOP sweep of %1, sized to about %2 minutes here (a probe step measures this machine first). Then choose Source: runs.</source>
        <translation>Selbst ausprobieren: ein Mini-IsoFLOP-Sweep (%1), ausgelegt auf etwa %2 Minuten hier (ein Messschritt misst zuerst diesen Rechner). Wählen Sie dann Quelle: runs.</translation>
    </message>
    <message>
        <source>Try it yourself: a mini IsoFLOP sweep of %1: %2 runs, about %3 minutes on this machine. Then choose Source: runs to see the same effect in your own runs.</source>
        <translation>Selbst ausprobieren: ein Mini-IsoFLOP-Sweep (%1): %2 Läufe, etwa %3 Minuten auf diesem Rechner. Wählen Sie dann Quelle: runs, um denselben Effekt in Ihren eigenen Läufen zu sehen.</translation>
    </message>
    <message>
        <source>Cannot Try It</source>
        <translation>Ausprobieren nicht möglich</translation>
    </message>
    <message>
        <source>Try It Yourself</source>
        <translation>Selbst ausprobieren</translation>
    </message>
    <message>
        <source>Start it now?</source>
        <translation>Jetzt starten?</translation>
    </message>
    <message>
        <source>A benchmark is already running.</source>
        <translation>Es läuft bereits ein Benchmark.</translation>
    </message>
    <message>
        <source>Benchmark finished: see the Inference view (this database) and the Calculator.</source>
        <translation>Benchmark abgeschlossen: siehe Inferenzansicht (diese Datenbank) und Kalkulator.</translation>
    </message>
    <message>
        <source>Benchmark failed: %1</source>
        <translation>Benchmark fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Benchmarking the CPU 3M models...</source>
        <translation>Benchmark der CPU-3M-Modelle läuft...</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) queued; they appear in the Loss Curves view as they train.</source>
        <translation>
            <numerusform>%n Lauf eingereiht; er erscheint während des Trainings in der Ansicht „Verlustkurven“.</numerusform>
            <numerusform>%n Läufe eingereiht; sie erscheinen während des Trainings in der Ansicht „Verlustkurven“.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>seqscope::gui::TrainingController</name>
    <message>
        <source>No database is open.</source>
        <translation>Keine Datenbank geöffnet.</translation>
    </message>
    <message>
        <source>seqscope-cli was not found next to the workbench or on PATH; it trains the runs.</source>
        <translation>seqscope-cli wurde weder neben der Workbench noch im PATH gefunden; es trainiert die Läufe.</translation>
    </message>
    <message>
        <source>the training process crashed</source>
        <translation>der Trainingsprozess ist abgestürzt</translation>
    </message>
    <message>
        <source>the training process exited with status %1</source>
        <translation>der Trainingsprozess wurde mit Status %1 beendet</translation>
    </message>
</context>
<context>
    <name>seqscope::gui::Workbench</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <source>Loss Curves</source>
        <translation>Verlustkurven</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>New Run</source>
        <translation>Neuer Lauf</translation>
    </message>
    <message>
        <source>Run #%1 was not started here; stop it where it runs (Ctrl-C).</source>
        <translation>Lauf #%1 wurde nicht hier gestartet; beenden Sie ihn dort, wo er läuft (Strg+C).</translation>
    </message>
    <message>
        <source>Run #%1 finished</source>
        <translation>Lauf #%1 abgeschlossen</translation>
    </message>
    <message>
        <source>Run #%1 %2: %3</source>
        <translation>Lauf #%1 %2: %3</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) training</source>
        <translation>
            <numerusform>%n Lauf trainiert</numerusform>
            <numerusform>%n Läufe trainieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot Open Database</source>
        <translation>Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot open &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot Start Run</source>
        <translation>Lauf kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>Run #%1 queued</source>
        <translation>Lauf #%1 eingereiht</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>Gradientennorm</translation>
    </message>
    <message>
        <source>Throughput (tokens/s)</source>
        <translation>Durchsatz (Tokens/s)</translation>
    </message>
    <message>
        <source>Model FLOPs utilisation</source>
        <translation>Modell-FLOPs-Auslastung</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Metrik:</translation>
    </message>
    <message>
        <source>Select runs in the Runs panel to overlay their curves.</source>
        <translation>Wählen Sie im Bereich „Läufe“ Läufe aus, um ihre Kurven zu überlagern.</translation>
    </message>
    <message>
        <source>IsoFLOP &amp;Sweep...</source>
        <translation>IsoFLOP-&amp;Sweep...</translation>
    </message>
    <message>
        <source>Cannot Start Sweep</source>
        <translation>Sweep kann nicht gestartet werden</translation>
    </message>
    <message numerus="yes">
        <source>Sweep of %n run(s) queued</source>
        <translation>
            <numerusform>Sweep mit %n Lauf eingereiht</numerusform>
            <numerusform>Sweep mit %n Läufen eingereiht</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Cancel Running Sweep</source>
        <translation>Laufenden Sweep a&amp;bbrechen</translation>
    </message>
    <message>
        <source>No sweep is running.</source>
        <translation>Es läuft kein Sweep.</translation>
    </message>
    <message>
        <source>Inference</source>
        <translation>Inferenz</translation>
    </message>
    <message>
        <source>Source: xLSTM Scaling Laws release (Beck et al., arXiv 2510.02228), NVIDIA H100, bfloat16; failed or out-of-memory points are not drawn.</source>
        <translation>Quelle: Veröffentlichung zu xLSTM Scaling Laws (Beck et al., arXiv 2510.02228), NVIDIA H100, bfloat16; fehlgeschlagene Punkte und Punkte ohne Speicher werden nicht gezeichnet.</translation>
    </message>
    <message>
        <source>Runs at &amp;Once</source>
        <translation>&amp;Gleichzeitige Läufe</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) at once</source>
        <translation>
            <numerusform>%n Lauf gleichzeitig</numerusform>
            <numerusform>%n Läufe gleichzeitig</numerusform>
        </translation>
    </message>
    <message>
        <source>Run #%1 has made no progress for %2 s</source>
        <translation>Lauf #%1 macht seit %2 s keinen Fortschritt</translation>
    </message>
    <message>
        <source>Run Not Progressing</source>
        <translation>Lauf kommt nicht voran</translation>
    </message>
    <message>
        <source>Run #%1 has stored no new metrics for %2 seconds. Its worker may hang. Cancel the run? (It checkpoints first when it can.)</source>
        <translation>Lauf #%1 hat seit %2 Sekunden keine neuen Metriken gespeichert. Sein Worker hängt möglicherweise. Lauf abbrechen? (Er speichert vorher einen Checkpoint, wenn er kann.)</translation>
    </message>
    <message>
        <source>Cancel Run</source>
        <translation>Lauf abbrechen</translation>
    </message>
    <message>
        <source>Keep Waiting</source>
        <translation>Weiter warten</translation>
    </message>
    <message>
        <source>Measuring %1 at 64, 256 and 1024 tokens...</source>
        <translation>Messe %1 bei 64, 256 und 1024 Tokens...</translation>
    </message>
    <message>
        <source>%1 measured; its points are in this database.</source>
        <translation>%1 gemessen; die Punkte stehen in dieser Datenbank.</translation>
    </message>
    <message>
        <source>Benchmark of %1 failed: %2</source>
        <translation>Benchmark von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Parametric</source>
        <translation>Parametrisch</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Calculator</source>
        <translation>Kalkulator</translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation>Hyperparameter</translation>
    </message>
    <message>
        <source>Fits</source>
        <translation>Fits</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>&amp;Tour of the Paper&apos;s Findings</source>
        <translation>&amp;Tour durch die Ergebnisse des Papers</translation>
    </message>
    <message>
        <source>View saved to %1</source>
        <translation>Ansicht gespeichert unter %1</translation>
    </message>
    <message>
        <source>Cannot Save View</source>
        <translation>Ansicht kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot Open View</source>
        <translation>Ansicht kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>the view file names view &apos;%1&apos;, which this workbench does not have (views: %2)</source>
        <translation>die Ansichtsdatei nennt die Ansicht „%1“, die es in dieser Workbench nicht gibt (Ansichten: %2)</translation>
    </message>
    <message>
        <source>the view file&apos;s source &apos;%1&apos; is not in this database</source>
        <translation>die Quelle „%1“ der Ansichtsdatei ist nicht in dieser Datenbank</translation>
    </message>
    <message>
        <source>the view file&apos;s experiment set &apos;%1&apos; is not in source &apos;%2&apos;</source>
        <translation>die Experimentmenge „%1“ der Ansichtsdatei ist nicht in Quelle „%2“</translation>
    </message>
    <message>
        <source>the view file&apos;s loss-chart ranges are not valid (a log axis needs positive values)</source>
        <translation>die Bereiche des Verlustdiagramms in der Ansichtsdatei sind ungültig (eine log. Achse braucht positive Werte)</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets</name>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Save the charts as PNG or SVG, or the drawn data as CSV</source>
        <translation>Diagramme als PNG oder SVG oder die gezeichneten Daten als CSV speichern</translation>
    </message>
    <message>
        <source>Charts as image (PNG, 2x)...</source>
        <translation>Diagramme als Bild (PNG, 2x)...</translation>
    </message>
    <message>
        <source>Export Charts</source>
        <translation>Diagramme exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Charts as vector image (SVG)...</source>
        <translation>Diagramme als Vektorgrafik (SVG)...</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <source>Drawn data (CSV)...</source>
        <translation>Gezeichnete Daten (CSV)...</translation>
    </message>
    <message>
        <source>Export Data</source>
        <translation>Daten exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::CalculatorView</name>
    <message>
        <source>The paper&apos;s scaling-study sizes (vocabulary 50,304) and the small byte-level sizes this machine trains (vocabulary 260)</source>
        <translation>Die Größen der Skalierungsstudie des Papers (Vokabular 50.304) und die kleinen Byte-Level-Größen, die dieser Rechner trainiert (Vokabular 260)</translation>
    </message>
    <message>
        <source>Model width d (the slider moves in steps of 64)</source>
        <translation>Modellbreite d (der Schieberegler bewegt sich in Schritten von 64)</translation>
    </message>
    <message>
        <source>Number of blocks L</source>
        <translation>Anzahl der Blöcke L</translation>
    </message>
    <message>
        <source>xLSTM heads: d_qk = d/(2H), d_v = d/H (the paper uses 4-8 wide heads)</source>
        <translation>xLSTM-Heads: d_qk = d/(2H), d_v = d/H (das Paper nutzt 4-8 breite Heads)</translation>
    </message>
    <message>
        <source>Transformer heads: d_h = d/H (the paper uses d_h = 64)</source>
        <translation>Transformer-Heads: d_h = d/H (das Paper nutzt d_h = 64)</translation>
    </message>
    <message>
        <source>Context T: training sequence length and prefill length (the slider moves in powers of two)</source>
        <translation>Kontext T: Sequenzlänge im Training und Prefill-Länge (der Schieberegler bewegt sich in Zweierpotenzen)</translation>
    </message>
    <message>
        <source>Sequences per batch B (training memory and inference)</source>
        <translation>Sequenzen pro Batch B (Trainingsspeicher und Inferenz)</translation>
    </message>
    <message>
        <source>fp32 (4 bytes)</source>
        <translation>fp32 (4 Bytes)</translation>
    </message>
    <message>
        <source>bf16 (2 bytes)</source>
        <translation>bf16 (2 Bytes)</translation>
    </message>
    <message>
        <source>fp8 (1 byte)</source>
        <translation>fp8 (1 Byte)</translation>
    </message>
    <message>
        <source>Bytes per weight, activation and KV-cache value; the mLSTM state stays fp32</source>
        <translation>Bytes pro Gewicht, Aktivierung und KV-Cache-Wert; der mLSTM-Zustand bleibt fp32</translation>
    </message>
    <message>
        <source>Training token budget D, e.g. 3.3e9</source>
        <translation>Trainings-Tokenbudget D, z. B. 3.3e9</translation>
    </message>
    <message>
        <source>Compute budget C in FLOPs, e.g. 1e22: what model size and data it buys under each fitted law</source>
        <translation>Rechenbudget C in FLOPs, z. B. 1e22: welche Modellgröße und Datenmenge es unter jedem angepassten Gesetz ergibt</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Voreinstellung:</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>Präzision:</translation>
    </message>
    <message>
        <source>Width d:</source>
        <translation>Breite d:</translation>
    </message>
    <message>
        <source>Context T:</source>
        <translation>Kontext T:</translation>
    </message>
    <message>
        <source>Depth L:</source>
        <translation>Tiefe L:</translation>
    </message>
    <message>
        <source>Batch B:</source>
        <translation>Batch B:</translation>
    </message>
    <message>
        <source>xLSTM</source>
        <translation>xLSTM</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>Heads:</source>
        <translation>Heads:</translation>
    </message>
    <message>
        <source>Tokens D</source>
        <translation>Tokens D</translation>
    </message>
    <message>
        <source>Compute C</source>
        <translation>Rechenaufwand C</translation>
    </message>
    <message>
        <source>Budgets:</source>
        <translation>Budgets:</translation>
    </message>
    <message>
        <source>N = 2Vd (embedding and untied head) + L · block + d. Block, Transformer: dH(2d_qk + d_v) + dH·d_v + 3dF + 2d; xLSTM: dH(2d_qk + d_v) + 2dH + 2H + 2dH·d_v + 3dF + 2d + H·d_v (paper, section 3)</source>
        <translation>N = 2Vd (Embedding und nicht geteilter Head) + L · Block + d. Block, Transformer: dH(2d_qk + d_v) + dH·d_v + 3dF + 2d; xLSTM: dH(2d_qk + d_v) + 2dH + 2H + 2dH·d_v + 3dF + 2d + H·d_v (Paper, Abschnitt 3)</translation>
    </message>
    <message>
        <source>L · [2dH(2d_qk + d_v) + 2dH·d_v] per token: Q, K, V and the out-projection. The xLSTM adds the input and forget gates (4dH) and the output gate (2dH·d_v + H·d_v)</source>
        <translation>L · [2dH(2d_qk + d_v) + 2dH·d_v] pro Token: Q, K, V und die Ausgabeprojektion. Das xLSTM ergänzt Input- und Forget-Gate (4dH) und das Output-Gate (2dH·d_v + H·d_v)</translation>
    </message>
    <message>
        <source>L · (6dF + 2F) per token: the SwiGLU up, gate and down matmuls and the gating</source>
        <translation>L · (6dF + 2F) pro Token: die SwiGLU-Matmuls (up, gate, down) und das Gating</translation>
    </message>
    <message>
        <source>Transformer: L · T · H · (d_qk + d_v + 2.5), the causal half of the T×T attention scores: it grows with T. xLSTM: L · H · C_chunk(d_qk, d_v, L_c) / L_c, the chunkwise mLSTM cell: the same at every T</source>
        <translation>Transformer: L · T · H · (d_qk + d_v + 2.5), die kausale Hälfte der T×T-Attention-Scores: wächst mit T. xLSTM: L · H · C_chunk(d_qk, d_v, L_c) / L_c, die chunkweise mLSTM-Zelle: bei jedem T gleich</translation>
    </message>
    <message>
        <source>2dV per token: the output projection to the vocabulary</source>
        <translation>2dV pro Token: die Ausgabeprojektion auf das Vokabular</translation>
    </message>
    <message>
        <source>C_fw(T) / T: projections + feed-forward + sequence mixing + logits (embedding lookups, norms and residual adds excluded, section 4.1)</source>
        <translation>C_fw(T) / T: Projektionen + Feed-forward + Sequenzmischung + Logits (ohne Embedding-Lookups, Normalisierungen und Residual-Additionen, Abschnitt 4.1)</translation>
    </message>
    <message>
        <source>C_fwbw = 3 · C_fw: the backward pass costs twice the forward pass</source>
        <translation>C_fwbw = 3 · C_fw: der Rückwärtsdurchlauf kostet doppelt so viel wie der Vorwärtsdurchlauf</translation>
    </message>
    <message>
        <source>6N: the Kaplan / Chinchilla rule of thumb, for comparison; no fit uses it</source>
        <translation>6N: die Faustregel nach Kaplan / Chinchilla, zum Vergleich; kein Fit verwendet sie</translation>
    </message>
    <message>
        <source>C = C_fwbw per token × D: the training compute of the token budget</source>
        <translation>C = C_fwbw pro Token × D: der Trainingsrechenaufwand des Tokenbudgets</translation>
    </message>
    <message>
        <source>6 · N · D: the rule of thumb for the same budget</source>
        <translation>6 · N · D: die Faustregel für dasselbe Budget</translation>
    </message>
    <message>
        <source>N × bytes per weight of the chosen precision</source>
        <translation>N × Bytes pro Gewicht der gewählten Präzision</translation>
    </message>
    <message>
        <source>N × bytes per weight: one gradient per weight</source>
        <translation>N × Bytes pro Gewicht: ein Gradient pro Gewicht</translation>
    </message>
    <message>
        <source>AdamW: two fp32 moments (8 bytes per weight), plus fp32 master weights (4 bytes) below fp32</source>
        <translation>AdamW: zwei fp32-Momente (8 Bytes pro Gewicht), plus fp32-Master-Gewichte (4 Bytes) unterhalb von fp32</translation>
    </message>
    <message>
        <source>B · T tokens × the activation bytes a forward pass moves per token (section 12.4), which the backward pass needs; the xLSTM adds its per-chunk states B·L·H·⌈T/L_c⌉·(d_qk·d_v + d_qk + 1)·4 bytes. Attention is taken as memory-efficient (no T×T matrix). An estimate</source>
        <translation>B · T Tokens × die Aktivierungsbytes, die ein Vorwärtsdurchlauf pro Token bewegt (Abschnitt 12.4) und die der Rückwärtsdurchlauf braucht; das xLSTM ergänzt seine Chunk-Zustände B·L·H·⌈T/L_c⌉·(d_qk·d_v + d_qk + 1)·4 Bytes. Attention gilt als speichereffizient (keine T×T-Matrix). Eine Schätzung</translation>
    </message>
    <message>
        <source>weights + gradients + optimizer state + activations</source>
        <translation>Gewichte + Gradienten + Optimiererzustand + Aktivierungen</translation>
    </message>
    <message>
        <source>B · [T · backbone per token + sequence mixing + logits of the last token] (section 12.3; attention causal factor 0.65, mLSTM intra-chunk factor 0.75)</source>
        <translation>B · [T · Backbone pro Token + Sequenzmischung + Logits des letzten Tokens] (Abschnitt 12.3; kausaler Attention-Faktor 0,65, mLSTM-Intra-Chunk-Faktor 0,75)</translation>
    </message>
    <message>
        <source>Transformer KV cache: 2 · L · H · d_h · bytes per token and sequence, × B · T: it grows with T. xLSTM state: L · H · (d_qk·d_v + d_qk + 1) values × 4 bytes × B: the same at every T</source>
        <translation>Transformer-KV-Cache: 2 · L · H · d_h · Bytes pro Token und Sequenz, × B · T: wächst mit T. xLSTM-Zustand: L · H · (d_qk·d_v + d_qk + 1) Werte × 4 Bytes × B: bei jedem T gleich</translation>
    </message>
    <message>
        <source>weights + KV cache (Transformer) or recurrent state (xLSTM) at context T</source>
        <translation>Gewichte + KV-Cache (Transformer) oder rekurrenter Zustand (xLSTM) bei Kontext T</translation>
    </message>
    <message>
        <source>One decode step for B sequences: backbone and head, plus attention over the T cached positions (Transformer) or one recurrent mLSTM step (xLSTM); physical accounting</source>
        <translation>Ein Dekodierschritt für B Sequenzen: Backbone und Head, plus Attention über die T gecachten Positionen (Transformer) oder ein rekurrenter mLSTM-Schritt (xLSTM); physische Zählweise</translation>
    </message>
    <message>
        <source>One decode step reads every weight once and, for the Transformer, the whole KV cache (physical accounting, section 12.4)</source>
        <translation>Ein Dekodierschritt liest jedes Gewicht einmal und beim Transformer den ganzen KV-Cache (physische Zählweise, Abschnitt 12.4)</translation>
    </message>
    <message>
        <source>step = bytes / β_eff + ε + B · ε_bp, fitted to the paper&apos;s H100 decode measurements of this architecture (all sizes pooled; section 12.2)</source>
        <translation>Schritt = Bytes / β_eff + ε + B · ε_bp, angepasst an die H100-Dekodiermessungen des Papers für diese Architektur (alle Größen zusammengefasst; Abschnitt 12.2)</translation>
    </message>
    <message>
        <source>step = bytes / β_eff + ε + B · ε_bp, fitted to the benchmarks in this database (Inference view or seqscope-cli bench inference)</source>
        <translation>Schritt = Bytes / β_eff + ε + B · ε_bp, angepasst an die Benchmarks in dieser Datenbank (Inferenzansicht oder seqscope-cli bench inference)</translation>
    </message>
    <message>
        <source>N* = A · C^a: the compute-optimal model size for budget C under the frontier law fitted in the Scaling view</source>
        <translation>N* = A · C^a: die rechenoptimale Modellgröße für Budget C unter dem in der Skalierungsansicht angepassten Grenzgesetz</translation>
    </message>
    <message>
        <source>D* = B · C^b: the compute-optimal number of training tokens for budget C</source>
        <translation>D* = B · C^b: die rechenoptimale Anzahl an Trainings-Tokens für Budget C</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Parameters N</source>
        <translation>Parameter N</translation>
    </message>
    <message>
        <source>Projections</source>
        <translation>Projektionen</translation>
    </message>
    <message>
        <source>Feed-forward</source>
        <translation>Feed-forward</translation>
    </message>
    <message>
        <source>Attention / mLSTM cell</source>
        <translation>Attention / mLSTM-Zelle</translation>
    </message>
    <message>
        <source>Logits</source>
        <translation>Logits</translation>
    </message>
    <message>
        <source>Forward, total</source>
        <translation>Vorwärts, gesamt</translation>
    </message>
    <message>
        <source>Forward + backward</source>
        <translation>Vorwärts + rückwärts</translation>
    </message>
    <message>
        <source>6N rule</source>
        <translation>6N-Regel</translation>
    </message>
    <message>
        <source>Training FLOPs for D</source>
        <translation>Trainings-FLOPs für D</translation>
    </message>
    <message>
        <source>6ND rule</source>
        <translation>6ND-Regel</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>Gradienten</translation>
    </message>
    <message>
        <source>Optimizer state</source>
        <translation>Optimiererzustand</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Aktivierungen</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Prefill FLOPs</source>
        <translation>Prefill-FLOPs</translation>
    </message>
    <message>
        <source>KV cache / state</source>
        <translation>KV-Cache / Zustand</translation>
    </message>
    <message>
        <source>Weights + cache</source>
        <translation>Gewichte + Cache</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Bytes read</source>
        <translation>Gelesene Bytes</translation>
    </message>
    <message>
        <source>Time, H100 model</source>
        <translation>Zeit, H100-Modell</translation>
    </message>
    <message>
        <source>Time, this machine</source>
        <translation>Zeit, dieser Rechner</translation>
    </message>
    <message>
        <source>Optimal size N*</source>
        <translation>Optimale Größe N*</translation>
    </message>
    <message>
        <source>Optimal tokens D*</source>
        <translation>Optimale Tokens D*</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>FLOPs per token (forward)</source>
        <translation>FLOPs pro Token (vorwärts)</translation>
    </message>
    <message>
        <source>Training budget</source>
        <translation>Trainingsbudget</translation>
    </message>
    <message>
        <source>Training memory at T, B</source>
        <translation>Trainingsspeicher bei T, B</translation>
    </message>
    <message>
        <source>Inference at context T</source>
        <translation>Inferenz bei Kontext T</translation>
    </message>
    <message>
        <source>One decode step</source>
        <translation>Ein Dekodierschritt</translation>
    </message>
    <message>
        <source>What compute C buys</source>
        <translation>Was Rechenaufwand C ergibt</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Custom (vocabulary %L1)</source>
        <translation>Benutzerdefiniert (Vokabular %L1)</translation>
    </message>
    <message>
        <source>%1 (your runs: %2)</source>
        <translation>%1 (Ihre Läufe: %2)</translation>
    </message>
    <message>
        <source>%1

= %2</source>
        <translation>%1

= %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Check the shape:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Form prüfen:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>At %1 tokens of context the Transformer&apos;s KV cache (&lt;b&gt;%2&lt;/b&gt;) is &lt;b&gt;%3×&lt;/b&gt; the xLSTM&apos;s state (&lt;b&gt;%4&lt;/b&gt;); attention is %5 % of its forward FLOPs, the mLSTM cell %6 %. Double T and the cache and the attention share grow; the state stays.</source>
        <translation>Bei %1 Tokens Kontext ist der KV-Cache des Transformers (&lt;b&gt;%2&lt;/b&gt;) &lt;b&gt;%3×&lt;/b&gt; so groß wie der Zustand des xLSTM (&lt;b&gt;%4&lt;/b&gt;); Attention macht %5 % seiner Vorwärts-FLOPs aus, die mLSTM-Zelle %6 %. Verdoppeln Sie T, wachsen Cache und Attention-Anteil; der Zustand bleibt.</translation>
    </message>
    <message>
        <source>Hover any number for its formula. Decode step time: %1; %2. What C buys: %3.</source>
        <translation>Zeigen Sie auf eine Zahl, um ihre Formel zu sehen. Dekodierschrittzeit: %1; %2. Was C ergibt: %3.</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::ClusterPanel</name>
    <message>
        <source>Sweep</source>
        <translation>Sweep</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>Partition</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Eingesammelt</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>No cluster sweeps in this workspace. Submit one from a machine that can reach Slurm, e.g.&lt;br&gt;&lt;code&gt;seqscope-cli sweep isoflop --budgets 1e18,3e18 --ctx 2048 --sizes 5 --data FILE --slurm --partition gpu --db DATABASE&lt;/code&gt;&lt;br&gt;(see docs/cluster.md). While this database is open, the workbench collects its runs every 15 seconds, so their loss curves grow here.</source>
        <translation>Keine Cluster-Sweeps in diesem Arbeitsbereich. Senden Sie einen von einem Rechner ab, der Slurm erreicht, z. B.&lt;br&gt;&lt;code&gt;seqscope-cli sweep isoflop --budgets 1e18,3e18 --ctx 2048 --sizes 5 --data DATEI --slurm --partition gpu --db DATENBANK&lt;/code&gt;&lt;br&gt;(siehe docs/cluster.md). Solange diese Datenbank geöffnet ist, sammelt die Workbench alle 15 Sekunden ihre Läufe ein, sodass ihre Verlustkurven hier wachsen.</translation>
    </message>
    <message>
        <source>Collect Now</source>
        <translation>Jetzt einsammeln</translation>
    </message>
    <message>
        <source>Merge the selected sweep&apos;s run files into this database now (seqscope-cli sweep collect).</source>
        <translation>Die Laufdateien des ausgewählten Sweeps jetzt in diese Datenbank übernehmen (seqscope-cli sweep collect).</translation>
    </message>
    <message>
        <source>Cancel Sweep</source>
        <translation>Sweep abbrechen</translation>
    </message>
    <message>
        <source>Ask Slurm to stop the selected sweep&apos;s queued and running tasks (seqscope-cli sweep cancel).</source>
        <translation>Slurm bitten, die wartenden und laufenden Tasks des ausgewählten Sweeps zu stoppen (seqscope-cli sweep cancel).</translation>
    </message>
    <message>
        <source>Ask Slurm to stop every queued and running task of sweep %1? Running runs checkpoint first; resume them later with seqscope-cli sweep resume %1 --slurm.</source>
        <translation>Slurm bitten, alle wartenden und laufenden Tasks von Sweep %1 zu stoppen? Laufende Läufe speichern zuerst einen Checkpoint; setzen Sie sie später mit seqscope-cli sweep resume %1 --slurm fort.</translation>
    </message>
    <message>
        <source>not submitted</source>
        <translation>nicht abgesendet</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>collecting...</source>
        <translation>wird eingesammelt...</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>Last attempt failed: %1</source>
        <translation>Letzter Versuch fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Collecting %1...</source>
        <translation>%1 wird eingesammelt...</translation>
    </message>
    <message>
        <source>Collected automatically every 15 s while this database is open.</source>
        <translation>Wird alle 15 s automatisch eingesammelt, solange diese Datenbank geöffnet ist.</translation>
    </message>
    <message>
        <source>No task is queued or running; nothing to collect.</source>
        <translation>Kein Task wartet oder läuft; nichts einzusammeln.</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::ConfigDiffView</name>
    <message>
        <source>Show all fields</source>
        <translation>Alle Felder anzeigen</translation>
    </message>
    <message>
        <source>Compare Configs</source>
        <translation>Konfigurationen vergleichen</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n field(s) differ between %2 runs.</source>
        <translation>
            <numerusform>%1 von %n Feld unterscheidet sich zwischen %2 Läufen.</numerusform>
            <numerusform>%1 von %n Feldern unterscheiden sich zwischen %2 Läufen.</numerusform>
        </translation>
    </message>
    <message>
        <source>This run&apos;s config has no such field</source>
        <translation>Die Konfiguration dieses Laufs hat kein solches Feld</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::ContextChartView</name>
    <message>
        <source>xLSTM</source>
        <translation>xLSTM</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>Compute-optimal D* against context</source>
        <translation>Rechenoptimales D* über dem Kontext</translation>
    </message>
    <message>
        <source>Compute-optimal N* against context</source>
        <translation>Rechenoptimales N* über dem Kontext</translation>
    </message>
    <message>
        <source>Context length T (tokens)</source>
        <translation>Kontextlänge T (Tokens)</translation>
    </message>
    <message>
        <source>Compute-optimal D* (tokens)</source>
        <translation>Rechenoptimales D* (Tokens)</translation>
    </message>
    <message>
        <source>Compute-optimal N* (parameters)</source>
        <translation>Rechenoptimales N* (Parameter)</translation>
    </message>
    <message>
        <source>%1%2, budget %3 FLOPs
T = %4
N* = %5, D* = %6, L* = %7</source>
        <translation>%1%2, Budget %3 FLOPs
T = %4
N* = %5, D* = %6, L* = %7</translation>
    </message>
    <message>
        <source> (yours)</source>
        <translation> (Ihre)</translation>
    </message>
    <message>
        <source>%1 %2 (yours)</source>
        <translation>%1 %2 (Ihre)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <source>%1%2, budget %3 FLOPs: %4 = %5 · T^(%6)</source>
        <translation>%1%2, Budget %3 FLOPs: %4 = %5 · T^(%6)</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::ContextExponentView</name>
    <message>
        <source>Exponent b of D* ∝ T^b</source>
        <translation>Exponent b von D* ∝ T^b</translation>
    </message>
    <message>
        <source>Exponent a of N* ∝ T^a</source>
        <translation>Exponent a von N* ∝ T^a</translation>
    </message>
    <message>
        <source>Budget (FLOPs)</source>
        <translation>Budget (FLOPs)</translation>
    </message>
    <message>
        <source>b ± standard error</source>
        <translation>b ± Standardfehler</translation>
    </message>
    <message>
        <source>a ± standard error</source>
        <translation>a ± Standardfehler</translation>
    </message>
    <message>
        <source>xLSTM</source>
        <translation>xLSTM</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>%1 (yours)</source>
        <translation>%1 (Ihre)</translation>
    </message>
    <message>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <source>%1 (two contexts: no error estimate)</source>
        <translation>%1 (zwei Kontexte: keine Fehlerschätzung)</translation>
    </message>
    <message numerus="yes">
        <source>%1, budget %2 FLOPs: %3 = %4 over %n context(s)</source>
        <translation>
            <numerusform>%1, Budget %2 FLOPs: %3 = %4 über %n Kontext</numerusform>
            <numerusform>%1, Budget %2 FLOPs: %3 = %4 über %n Kontexte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::ContextMemoryChart</name>
    <message>
        <source>Inference memory against context</source>
        <translation>Inferenzspeicher über dem Kontext</translation>
    </message>
    <message>
        <source>Context (tokens)</source>
        <translation>Kontext (Tokens)</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>xLSTM: weights + state</source>
        <translation>xLSTM: Gewichte + Zustand</translation>
    </message>
    <message>
        <source>Transformer: weights + KV cache</source>
        <translation>Transformer: Gewichte + KV-Cache</translation>
    </message>
    <message>
        <source>xLSTM</source>
        <translation>xLSTM</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>%1 fits in %2 GB up to %3 tokens of context</source>
        <translation>%1 passt bis %3 Tokens Kontext in %2 GB</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::ContextView</name>
    <message>
        <source>With your runs</source>
        <translation>Mit Ihren Läufen</translation>
    </message>
    <message>
        <source>Fit this database&apos;s finished runs beside the source&apos;s, as series of their own</source>
        <translation>Die abgeschlossenen Läufe dieser Datenbank neben denen der Quelle anpassen, als eigene Reihen</translation>
    </message>
    <message>
        <source>Parameters N*</source>
        <translation>Parameter N*</translation>
    </message>
    <message>
        <source>Training tokens D*</source>
        <translation>Trainings-Tokens D*</translation>
    </message>
    <message>
        <source>xLSTM</source>
        <translation>xLSTM</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Optimum:</source>
        <translation>Optimum:</translation>
    </message>
    <message>
        <source>Seqscope compute-optimal size against context length</source>
        <translation>Seqscope: rechenoptimale Größe über der Kontextlänge</translation>
    </message>
    <message>
        <source>Data: %1. Each point is one budget&apos;s IsoFLOP minimum at one context; lines are the fitted laws across contexts. Circles and solid lines are xLSTM, squares and dashed lines Transformer; your own runs are hollow triangles with dotted lines. Hover a point for its values.</source>
        <translation>Daten: %1. Jeder Punkt ist das IsoFLOP-Minimum eines Budgets bei einem Kontext; Linien sind die über die Kontexte angepassten Gesetze. Kreise und durchgezogene Linien sind xLSTM, Quadrate und gestrichelte Linien Transformer; Ihre eigenen Läufe sind hohle Dreiecke mit gepunkteten Linien. Zeigen Sie auf einen Punkt, um seine Werte zu sehen.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Fitting...</source>
        <translation>Anpassung läuft...</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot load the context data:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Kontextdaten können nicht geladen werden:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>No runs in this selection.</source>
        <translation>Keine Läufe in dieser Auswahl.</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::DeltaStripView</name>
    <message>
        <source>%1 = %2 at delta %3
</source>
        <translation>%1 = %2 bei Delta %3
</translation>
    </message>
    <message>
        <source>the fit&apos;s delta, %1</source>
        <translation>das Delta des Fits, %1</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::FieldChooser</name>
    <message>
        <source>Filter fields</source>
        <translation>Felder filtern</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Everything but the Seed</source>
        <translation>Alles außer dem Seed</translation>
    </message>
    <message>
        <source>Group runs that differ only in their seed (and checkpoint folder)</source>
        <translation>Läufe gruppieren, die sich nur im Seed (und Checkpoint-Ordner) unterscheiden</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::FitsPanel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Fitted</source>
        <translation>Angepasst</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Select a fit to see its parameters and where it came from.</source>
        <translation>Wählen Sie einen Fit aus, um seine Parameter und seine Herkunft zu sehen.</translation>
    </message>
    <message>
        <source>Delete Fit</source>
        <translation>Fit löschen</translation>
    </message>
    <message>
        <source>Delete fit %1? Runs and datasets stay.</source>
        <translation>Fit %1 löschen? Läufe und Datensätze bleiben erhalten.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot read the fits:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Fits können nicht gelesen werden:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Fit %1: %2&lt;/h3&gt;&lt;p&gt;%3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Fit %1: %2&lt;/h3&gt;&lt;p&gt;%3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Source: &lt;b&gt;%1&lt;/b&gt; &amp;middot; %2 input runs &amp;middot; fitted by Seqscope %3 on %4&lt;/p&gt;</source>
        <translation>&lt;p&gt;Quelle: &lt;b&gt;%1&lt;/b&gt; &amp;middot; %2 Eingabeläufe &amp;middot; angepasst von Seqscope %3 am %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(unknown version)</source>
        <translation>(unbekannte Version)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Objective: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Zielfunktion: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Auswahl</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::FlopSplitChart</name>
    <message>
        <source>Projections</source>
        <translation>Projektionen</translation>
    </message>
    <message>
        <source>Feed-forward</source>
        <translation>Feed-forward</translation>
    </message>
    <message>
        <source>Attention / mLSTM cell</source>
        <translation>Attention / mLSTM-Zelle</translation>
    </message>
    <message>
        <source>Logits</source>
        <translation>Logits</translation>
    </message>
    <message>
        <source>%1, %2: %3 per token (%4 % of the forward pass)</source>
        <translation>%1, %2: %3 pro Token (%4 % des Vorwärtsdurchlaufs)</translation>
    </message>
    <message>
        <source>xLSTM</source>
        <translation>xLSTM</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>Forward FLOPs per token (%1FLOP)</source>
        <translation>Vorwärts-FLOPs pro Token (%1FLOP)</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::FrontierChartView</name>
    <message>
        <source>Compute-optimal N*</source>
        <translation>Rechenoptimales N*</translation>
    </message>
    <message>
        <source>Compute-optimal frontier</source>
        <translation>Rechenoptimale Grenze</translation>
    </message>
    <message>
        <source>Training compute C (FLOPs)</source>
        <translation>Trainingsrechenaufwand C (FLOPs)</translation>
    </message>
    <message>
        <source>xLSTM</source>
        <translation>xLSTM</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1: a = %2</source>
        <translation>%1: a = %2</translation>
    </message>
    <message>
        <source>%1
C = %2 FLOPs
%3 = %4</source>
        <translation>%1
C = %2 FLOPs
%3 = %4</translation>
    </message>
    <message>
        <source>
law: %1</source>
        <translation>
Gesetz: %1</translation>
    </message>
    <message>
        <source>%1: 95 % band</source>
        <translation>%1: 95-%-Band</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::InferenceView</name>
    <message>
        <source>Paper: NVIDIA H100 measurements</source>
        <translation>Paper: Messungen auf NVIDIA H100</translation>
    </message>
    <message>
        <source>This database: seqscope-cli bench inference</source>
        <translation>Diese Datenbank: seqscope-cli bench inference</translation>
    </message>
    <message>
        <source>Decode step time</source>
        <translation>Zeit je Dekodierschritt</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>Zeit bis zum ersten Token</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>Daten:</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Metrik:</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>Batch:</translation>
    </message>
    <message>
        <source>Decode step time (ms per token)</source>
        <translation>Zeit je Dekodierschritt (ms pro Token)</translation>
    </message>
    <message>
        <source>Time to first token (ms)</source>
        <translation>Zeit bis zum ersten Token (ms)</translation>
    </message>
    <message>
        <source>%1: %2&amp;times;</source>
        <translation>%1: %2&amp;times;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Transformer / xLSTM&lt;/b&gt; (%1 vs %2), by prefill length: %3</source>
        <translation>&lt;b&gt;Transformer / xLSTM&lt;/b&gt; (%1 gegen %2), nach Prefill-Länge: %3</translation>
    </message>
    <message>
        <source>The built-in measurements could not be loaded.</source>
        <translation>Die eingebauten Messungen konnten nicht geladen werden.</translation>
    </message>
    <message>
        <source>No benchmark points yet: run &lt;tt&gt;seqscope-cli bench inference --arch xlstm,transformer --preset 10m&lt;/tt&gt; on this database.</source>
        <translation>Noch keine Benchmark-Punkte: Führen Sie &lt;tt&gt;seqscope-cli bench inference --arch xlstm,transformer --preset 10m&lt;/tt&gt; auf dieser Datenbank aus.</translation>
    </message>
    <message>
        <source>Benchmark on This Machine</source>
        <translation>Auf diesem Rechner messen</translation>
    </message>
    <message>
        <source>Imported model:</source>
        <translation>Importiertes Modell:</translation>
    </message>
    <message>
        <source>&lt;small&gt;Import one with &lt;tt&gt;seqscope-cli model import DIR&lt;/tt&gt; to measure a real model.&lt;/small&gt;</source>
        <translation>&lt;small&gt;Mit &lt;tt&gt;seqscope-cli model import DIR&lt;/tt&gt; ein Modell importieren, um ein echtes Modell zu messen.&lt;/small&gt;</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::IsoflopChartView</name>
    <message>
        <source>Parameters N</source>
        <translation>Parameter N</translation>
    </message>
    <message>
        <source>IsoFLOP profiles</source>
        <translation>IsoFLOP-Profile</translation>
    </message>
    <message>
        <source>Final validation loss (nats/token)</source>
        <translation>Finaler Validierungsverlust (nats/Token)</translation>
    </message>
    <message>
        <source>%1 (yours)</source>
        <translation>%1 (Ihre)</translation>
    </message>
    <message>
        <source>%1
budget %2 FLOPs: x = %3, loss %4</source>
        <translation>%1
Budget %2 FLOPs: x = %3, Verlust %4</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>ausgelassen</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::IsolossChartView</name>
    <message>
        <source>Iso-loss contours over (N, D)</source>
        <translation>Iso-Verlust-Konturen über (N, D)</translation>
    </message>
    <message>
        <source>Parameters N</source>
        <translation>Parameter N</translation>
    </message>
    <message>
        <source>Training tokens D</source>
        <translation>Trainings-Tokens D</translation>
    </message>
    <message>
        <source>iso-FLOP</source>
        <translation>Iso-FLOP</translation>
    </message>
    <message>
        <source>iso-FLOP line C = %1 FLOPs (D = C / (%2 N))</source>
        <translation>Iso-FLOP-Linie C = %1 FLOPs (D = C / (%2 N))</translation>
    </message>
    <message>
        <source>iso-loss</source>
        <translation>Iso-Verlust</translation>
    </message>
    <message>
        <source>iso-loss contour L = %1</source>
        <translation>Iso-Verlust-Kontur L = %1</translation>
    </message>
    <message>
        <source>compute-optimal</source>
        <translation>rechenoptimal</translation>
    </message>
    <message>
        <source>compute-optimal path: the (N, D) of least loss at each compute</source>
        <translation>rechenoptimaler Pfad: das (N, D) mit dem geringsten Verlust bei jedem Rechenaufwand</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::LatencyChartView</name>
    <message>
        <source>Milliseconds</source>
        <translation>Millisekunden</translation>
    </message>
    <message>
        <source>Latency against context</source>
        <translation>Latenz über der Kontextlänge</translation>
    </message>
    <message>
        <source>Prefill length (tokens)</source>
        <translation>Prefill-Länge (Tokens)</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::LossChartCanvas</name>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Training FLOPs</source>
        <translation>Trainings-FLOPs</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Time since start</source>
        <translation>Zeit seit Start</translation>
    </message>
    <message>
        <source>No runs to show.
Select runs in the run browser or start one from the launcher;
their curves appear here while they train.</source>
        <translation>Keine Läufe anzuzeigen.
Wählen Sie Läufe im Laufbrowser aus oder starten Sie einen über „Neuer Lauf“;
ihre Kurven erscheinen hier während des Trainings.</translation>
    </message>
    <message>
        <source> (log scale)</source>
        <translation> (log. Skala)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>raw %1</source>
        <translation>roh %1</translation>
    </message>
    <message>
        <source>  (pinned; Esc releases)</source>
        <translation>  (fixiert; Esc löst)</translation>
    </message>
    <message>
        <source> · no run has data here</source>
        <translation> · kein Lauf hat hier Daten</translation>
    </message>
    <message>
        <source> (N=%1)</source>
        <translation> (N=%1)</translation>
    </message>
    <message>
        <source> (N=%1–%2)</source>
        <translation> (N=%1–%2)</translation>
    </message>
    <message numerus="yes">
        <source> (%n clipped)</source>
        <translation>
            <numerusform> (%n abgeschnitten)</numerusform>
            <numerusform> (%n abgeschnitten)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::LossChartToolbar</name>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Time since start</source>
        <translation>Zeit seit Start</translation>
    </message>
    <message>
        <source>Quantity on the x axis</source>
        <translation>Größe auf der x-Achse</translation>
    </message>
    <message>
        <source>log x</source>
        <translation>log x</translation>
    </message>
    <message>
        <source>Logarithmic x axis; points at x ≤ 0 (e.g. step 0) are not drawn</source>
        <translation>Logarithmische x-Achse; Punkte mit x ≤ 0 (z. B. Schritt 0) werden nicht gezeichnet</translation>
    </message>
    <message>
        <source>log y</source>
        <translation>log y</translation>
    </message>
    <message>
        <source>Logarithmic y axis; smoothing then runs on log values</source>
        <translation>Logarithmische y-Achse; die Glättung erfolgt dann auf den logarithmierten Werten</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>EMA (debiased)</source>
        <translation>EMA (bias-korrigiert)</translation>
    </message>
    <message>
        <source>Running average</source>
        <translation>Gleitender Mittelwert</translation>
    </message>
    <message>
        <source>Centred average (non-causal)</source>
        <translation>Zentrierter Mittelwert (nicht kausal)</translation>
    </message>
    <message>
        <source>Smoothing is computed on every logged point before the curve is decimated, so it does not change with zoom or run length</source>
        <translation>Die Glättung wird auf allen protokollierten Punkten berechnet, bevor die Kurve ausgedünnt wird; sie ändert sich daher weder mit dem Zoom noch mit der Lauflänge</translation>
    </message>
    <message>
        <source>EMA weight: 0 = none, 0.999 = strongest</source>
        <translation>EMA-Gewicht: 0 = keine, 0,999 = stärkste</translation>
    </message>
    <message>
        <source> pts</source>
        <translation> Pkt.</translation>
    </message>
    <message>
        <source>Averaging window in logged points</source>
        <translation>Mittelungsfenster in protokollierten Punkten</translation>
    </message>
    <message>
        <source>raw</source>
        <translation>roh</translation>
    </message>
    <message>
        <source>Draw the raw values faded behind the smoothed line</source>
        <translation>Rohwerte blass hinter der geglätteten Linie zeichnen</translation>
    </message>
    <message>
        <source>Auto (robust)</source>
        <translation>Auto (robust)</translation>
    </message>
    <message>
        <source>Auto (all data)</source>
        <translation>Auto (alle Daten)</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Robust: each run&apos;s 1st–99th percentile of what is drawn plus its latest value; no run is ever pushed out of view. Clipped points are marked at the edge.</source>
        <translation>Robust: je Lauf das 1.–99. Perzentil des Gezeichneten plus sein letzter Wert; kein Lauf wird je aus dem sichtbaren Bereich gedrängt. Abgeschnittene Punkte werden am Rand markiert.</translation>
    </message>
    <message>
        <source>Lower y limit (data units)</source>
        <translation>Untere y-Grenze (Dateneinheiten)</translation>
    </message>
    <message>
        <source>Upper y limit (data units)</source>
        <translation>Obere y-Grenze (Dateneinheiten)</translation>
    </message>
    <message>
        <source>all points</source>
        <translation>alle Punkte</translation>
    </message>
    <message>
        <source>Draw every point instead of the per-pixel min/max envelope (slow for long runs; the envelope already shows the same pixels)</source>
        <translation>Jeden Punkt zeichnen statt der Min/Max-Hülle pro Pixel (langsam bei langen Läufen; die Hülle zeigt bereits dieselben Pixel)</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <source>Fit all data (Home, or double-click the chart)</source>
        <translation>Alle Daten einpassen (Pos1 oder Doppelklick auf das Diagramm)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Image (PNG)…</source>
        <translation>Bild (PNG)…</translation>
    </message>
    <message>
        <source>Vector image (SVG)…</source>
        <translation>Vektorgrafik (SVG)…</translation>
    </message>
    <message>
        <source>Plotted data as shown (CSV)…</source>
        <translation>Gezeichnete Daten wie angezeigt (CSV)…</translation>
    </message>
    <message>
        <source>Copy readout</source>
        <translation>Werteanzeige kopieren</translation>
    </message>
    <message>
        <source>x:</source>
        <translation>x:</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>Glättung:</translation>
    </message>
    <message>
        <source>y:</source>
        <translation>y:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Lower y limit “%1” is not a number</source>
        <translation>Untere y-Grenze „%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>Upper y limit “%1” is not a number</source>
        <translation>Obere y-Grenze „%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>Invalid y range: %1</source>
        <translation>Ungültiger y-Bereich: %1</translation>
    </message>
    <message>
        <source>EMA (time-weighted)</source>
        <translation>EMA (zeitgewichtet)</translation>
    </message>
    <message>
        <source>τ </source>
        <translation>τ </translation>
    </message>
    <message>
        <source> steps</source>
        <translation> Schritte</translation>
    </message>
    <message>
        <source>Time constant of the time-weighted EMA in optimizer steps: each point moves the average by 1 − exp(−Δstep / τ), so unevenly logged runs are smoothed alike</source>
        <translation>Zeitkonstante der zeitgewichteten EMA in Optimiererschritten: Jeder Punkt verschiebt den Mittelwert um 1 − exp(−Δstep / τ), sodass ungleichmäßig protokollierte Läufe gleich geglättet werden</translation>
    </message>
    <message>
        <source>± std</source>
        <translation>± Std.-Abw.</translation>
    </message>
    <message>
        <source>± std error</source>
        <translation>± Std.-Fehler</translation>
    </message>
    <message>
        <source>min–max</source>
        <translation>Min–Max</translation>
    </message>
    <message>
        <source>Band around each group&apos;s mean: sample standard deviation (ddof = 1), standard error of the mean, or the members&apos; range. Where fewer than 2 runs cover x, nothing is drawn.</source>
        <translation>Band um den Mittelwert jeder Gruppe: Stichproben-Standardabweichung (ddof = 1), Standardfehler des Mittelwerts oder Spannweite der Mitglieder. Wo weniger als 2 Läufe x abdecken, wird nichts gezeichnet.</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Also draw each run of a group, faded, under the group&apos;s mean</source>
        <translation>Zusätzlich jeden Lauf einer Gruppe blass unter dem Gruppenmittel zeichnen</translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation>Gruppen:</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>Show each run&apos;s forecast final loss: a band from its last point to its planned last step, fitted to its own curve and learning-rate schedule</source>
        <translation>Den prognostizierten finalen Verlust jedes Laufs zeigen: ein Band von seinem letzten Punkt bis zu seinem geplanten letzten Schritt, angepasst an seine eigene Kurve und seinen Lernratenplan</translation>
    </message>
    <message>
        <source>Image for print (PNG)</source>
        <translation>Bild für den Druck (PNG)</translation>
    </message>
    <message>
        <source>%1 dpi…</source>
        <translation>%1 dpi…</translation>
    </message>
    <message>
        <source>Document (PDF)…</source>
        <translation>Dokument (PDF)…</translation>
    </message>
    <message>
        <source>All runs, full resolution (CSV, long format)…</source>
        <translation>Alle Läufe, volle Auflösung (CSV, Langformat)…</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::LossChartView</name>
    <message>
        <source>Drag: zoom to box · Shift+drag or middle drag: pan · Wheel: zoom x (Ctrl+wheel: y)
Arrow keys: pan · +/−: zoom x · Home or double-click: reset view
Click: pin the readout (Esc releases) · Ctrl+C or right-click: copy the readout
Click a legend entry to hide or show that run</source>
        <translation>Ziehen: auf Rechteck zoomen · Umschalt+Ziehen oder Ziehen mit mittlerer Taste: verschieben · Mausrad: x zoomen (Strg+Mausrad: y)
Pfeiltasten: verschieben · +/−: x zoomen · Pos1 oder Doppelklick: Ansicht zurücksetzen
Klick: Werteanzeige fixieren (Esc löst) · Strg+C oder Rechtsklick: Werteanzeige kopieren
Klick auf einen Legendeneintrag blendet den Lauf aus oder ein</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>Diagramm als PNG exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Export chart as SVG</source>
        <translation>Diagramm als SVG exportieren</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>Export plotted data</source>
        <translation>Gezeichnete Daten exportieren</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-Datei (*.csv)</translation>
    </message>
    <message>
        <source>Export full-resolution data</source>
        <translation>Daten in voller Auflösung exportieren</translation>
    </message>
    <message>
        <source>No runs selected</source>
        <translation>Keine Läufe ausgewählt</translation>
    </message>
    <message>
        <source>%1 of %2 runs shown</source>
        <translation>%1 von %2 Läufen angezeigt</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 points in view</source>
        <translation>%1 Punkte sichtbar</translation>
    </message>
    <message>
        <source>every point drawn</source>
        <translation>alle Punkte gezeichnet</translation>
    </message>
    <message>
        <source>min/max envelope: up to %1 points per pixel column, %2 drawn</source>
        <translation>Min/Max-Hülle: bis zu %1 Punkte pro Pixelspalte, %2 gezeichnet</translation>
    </message>
    <message>
        <source>no decimation needed</source>
        <translation>keine Ausdünnung nötig</translation>
    </message>
    <message>
        <source>%1 outside the y range (marked at the edge)</source>
        <translation>%1 außerhalb des y-Bereichs (am Rand markiert)</translation>
    </message>
    <message>
        <source>%1 not drawable (non-finite, or ≤ 0 on a log axis)</source>
        <translation>%1 nicht darstellbar (nicht endlich oder ≤ 0 auf log. Achse)</translation>
    </message>
    <message>
        <source>%1 non-finite values not drawn</source>
        <translation>%1 nicht endliche Werte nicht gezeichnet</translation>
    </message>
    <message>
        <source>zoomed: Home or double-click resets</source>
        <translation>gezoomt: Pos1 oder Doppelklick setzt zurück</translation>
    </message>
    <message>
        <source>drag to zoom, Shift+drag to pan, click to pin</source>
        <translation>Ziehen zoomt, Umschalt+Ziehen verschiebt, Klick fixiert</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Seqscope loss curves</source>
        <translation>Seqscope-Verlustkurven</translation>
    </message>
    <message>
        <source>%1 against %2; line: %3</source>
        <translation>%1 über %2; Linie: %3</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Copy readout</source>
        <translation>Werteanzeige kopieren</translation>
    </message>
    <message>
        <source>Release pinned readout</source>
        <translation>Fixierte Werteanzeige lösen</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <source>Show all runs</source>
        <translation>Alle Läufe anzeigen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Image (PNG)…</source>
        <translation>Bild (PNG)…</translation>
    </message>
    <message>
        <source>Vector image (SVG)…</source>
        <translation>Vektorgrafik (SVG)…</translation>
    </message>
    <message>
        <source>Plotted data as shown (CSV)…</source>
        <translation>Gezeichnete Daten wie angezeigt (CSV)…</translation>
    </message>
    <message>
        <source>Export chart as PNG at %1 dpi</source>
        <translation>Diagramm als PNG mit %1 dpi exportieren</translation>
    </message>
    <message>
        <source>Export chart as PDF</source>
        <translation>Diagramm als PDF exportieren</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>; groups: %1</source>
        <translation>; Gruppen: %1</translation>
    </message>
    <message>
        <source>Could not write %1: %2 dpi is outside 10–2400</source>
        <translation>%1 konnte nicht geschrieben werden: %2 dpi liegt außerhalb von 10–2400</translation>
    </message>
    <message>
        <source>Seqscope loss curves: %1</source>
        <translation>Seqscope-Verlustkurven: %1</translation>
    </message>
    <message>
        <source>Image for print, %1 dpi (PNG)…</source>
        <translation>Bild für den Druck, %1 dpi (PNG)…</translation>
    </message>
    <message>
        <source>Document (PDF)…</source>
        <translation>Dokument (PDF)…</translation>
    </message>
    <message>
        <source>All runs, full resolution (CSV, long format)…</source>
        <translation>Alle Läufe, volle Auflösung (CSV, Langformat)…</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::LossComputeChartView</name>
    <message>
        <source>Loss against compute</source>
        <translation>Verlust über Rechenaufwand</translation>
    </message>
    <message>
        <source>Training compute C (FLOPs)</source>
        <translation>Trainingsrechenaufwand C (FLOPs)</translation>
    </message>
    <message>
        <source>Final loss</source>
        <translation>Finaler Verlust</translation>
    </message>
    <message>
        <source>compute-optimal loss L(N*, D*)</source>
        <translation>rechenoptimaler Verlust L(N*, D*)</translation>
    </message>
    <message>
        <source>the least loss the fitted law reaches at each compute</source>
        <translation>der geringste Verlust, den das angepasste Gesetz bei jedem Rechenaufwand erreicht</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::OverviewView</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>built</source>
        <translation>kompiliert</translation>
    </message>
    <message>
        <source>not built</source>
        <translation>nicht kompiliert</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-size:15pt; font-weight:600&apos;&gt;xLSTM against Transformer, measured&lt;/span&gt;&lt;br&gt;Train small language models of both architectures, fit the scaling laws of Beck et al. (2025) to them or to the paper&apos;s runs, and see why the xLSTM&apos;s inference cost stays flat as context grows.</source>
        <translation>&lt;span style=&apos;font-size:15pt; font-weight:600&apos;&gt;xLSTM gegen Transformer, gemessen&lt;/span&gt;&lt;br&gt;Trainieren Sie kleine Sprachmodelle beider Architekturen, passen Sie die Skalierungsgesetze von Beck et al. (2025) an sie oder an die Läufe des Papers an und sehen Sie, warum die Inferenzkosten des xLSTM bei wachsendem Kontext flach bleiben.</translation>
    </message>
    <message>
        <source>Run the 10-minute demo</source>
        <translation>Die 10-Minuten-Demo starten</translation>
    </message>
    <message>
        <source>A small IsoFLOP sweep of both architectures sized to this machine&apos;s measured speed: watch the loss curves, then the parabolas and the frontier appear in the Scaling view</source>
        <translation>Ein kleiner IsoFLOP-Sweep beider Architekturen, passend zur gemessenen Geschwindigkeit dieses Rechners: Verfolgen Sie die Verlustkurven, dann erscheinen Parabeln und Grenze in der Skalierungsansicht</translation>
    </message>
    <message>
        <source>Take the tour</source>
        <translation>Die Tour starten</translation>
    </message>
    <message>
        <source>The paper&apos;s findings in ten steps, on the built-in data (Help &gt; Tour)</source>
        <translation>Die Ergebnisse des Papers in zehn Schritten, auf den mitgelieferten Daten (Hilfe &gt; Tour)</translation>
    </message>
    <message>
        <source>Open the calculator</source>
        <translation>Den Kalkulator öffnen</translation>
    </message>
    <message>
        <source>Parameters, FLOPs, memory and decode time of both architectures for any size</source>
        <translation>Parameter, FLOPs, Speicher und Dekodierzeit beider Architekturen für jede Größe</translation>
    </message>
    <message>
        <source>Scaling laws: IsoFLOP and frontier</source>
        <translation>Skalierungsgesetze: IsoFLOP und Grenze</translation>
    </message>
    <message>
        <source>Loss curves: your runs, live</source>
        <translation>Verlustkurven: Ihre Läufe, live</translation>
    </message>
    <message>
        <source>Inference: time against context</source>
        <translation>Inferenz: Zeit über dem Kontext</translation>
    </message>
    <message>
        <source>The paper&apos;s IsoFLOP profiles with their parabolas, and the compute-optimal frontier</source>
        <translation>Die IsoFLOP-Profile des Papers mit ihren Parabeln und die rechenoptimale Grenze</translation>
    </message>
    <message>
        <source>Loss curves of your runs as they train</source>
        <translation>Verlustkurven Ihrer Läufe während des Trainings</translation>
    </message>
    <message>
        <source>Decode step time and time to first token against context, H100 or this machine</source>
        <translation>Dekodierschrittzeit und Zeit bis zum ersten Token über dem Kontext, H100 oder dieser Rechner</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>ETA / final loss</source>
        <translation>Restzeit / finaler Verlust</translation>
    </message>
    <message>
        <source>No runs yet. Start the demo, or a run from Runs &gt; New Run.</source>
        <translation>Noch keine Läufe. Starten Sie die Demo oder einen Lauf über Läufe &gt; Neuer Lauf.</translation>
    </message>
    <message>
        <source>Workspace and machine</source>
        <translation>Arbeitsbereich und Rechner</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>loss %1</source>
        <translation>Verlust %1</translation>
    </message>
    <message>
        <source>no CUDA device: training and benchmarks run on the CPU</source>
        <translation>kein CUDA-Gerät: Training und Benchmarks laufen auf der CPU</translation>
    </message>
    <message>
        <source>&lt;p&gt;Runs: %1 (%2 running)&lt;br&gt;Reference data:&lt;br&gt;%3&lt;/p&gt;&lt;p&gt;LibTorch %4, %5 CPU threads; %6; mLSTM CUDA kernels %7&lt;/p&gt;&lt;p&gt;Database: &lt;tt&gt;%8&lt;/tt&gt;&lt;br&gt;The command-line tool &lt;tt&gt;seqscope-cli&lt;/tt&gt; reads and writes the same file.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Läufe: %1 (%2 laufen)&lt;br&gt;Referenzdaten:&lt;br&gt;%3&lt;/p&gt;&lt;p&gt;LibTorch %4, %5 CPU-Threads; %6; mLSTM-CUDA-Kernels %7&lt;/p&gt;&lt;p&gt;Datenbank: &lt;tt&gt;%8&lt;/tt&gt;&lt;br&gt;Das Kommandozeilenwerkzeug &lt;tt&gt;seqscope-cli&lt;/tt&gt; liest und schreibt dieselbe Datei.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::ParallelCoordinates</name>
    <message>
        <source> (log)</source>
        <translation> (log)</translation>
    </message>
    <message>
        <source>No runs with a final loss to show.</source>
        <translation>Keine Läufe mit finalem Verlust anzuzeigen.</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::ParametricSidePanel</name>
    <message>
        <source>&lt;b&gt;Leave one budget out&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ein Budget auslassen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Each row refits the law without one budget&apos;s runs and predicts them: the error you would have made had you stopped one budget earlier.</source>
        <translation>Jede Zeile passt das Gesetz ohne die Läufe eines Budgets neu an und sagt sie vorher: der Fehler, den Sie gemacht hätten, wenn Sie ein Budget früher aufgehört hätten.</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Ausgelassen</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Mean err.</source>
        <translation>Mittl. Fehler</translation>
    </message>
    <message>
        <source>Max |err.|</source>
        <translation>Max. |Fehler|</translation>
    </message>
    <message>
        <source>The budget fitted without, then predicted</source>
        <translation>Das ohne es angepasste, dann vorhergesagte Budget</translation>
    </message>
    <message>
        <source>Its runs</source>
        <translation>Seine Läufe</translation>
    </message>
    <message>
        <source>Mean of predicted / observed - 1 over its runs</source>
        <translation>Mittelwert von vorhergesagt / beobachtet - 1 über seine Läufe</translation>
    </message>
    <message>
        <source>Largest |predicted / observed - 1| among its runs</source>
        <translation>Größtes |vorhergesagt / beobachtet - 1| unter seinen Läufen</translation>
    </message>
    <message>
        <source>The fit refitted at nine Huber deltas from 1e-5 to 1e-1; the dotted line marks the fit&apos;s own delta. Flat lines: the exponents do not hinge on the choice.</source>
        <translation>Der Fit, neu angepasst bei neun Huber-Deltas von 1e-5 bis 1e-1; die gepunktete Linie markiert das eigene Delta des Fits. Flache Linien: Die Exponenten hängen nicht von dieser Wahl ab.</translation>
    </message>
    <message>
        <source>No fit yet.</source>
        <translation>Noch kein Fit.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Exponents against Huber &amp;delta;&lt;/b&gt;</source>
        <translation>&lt;b&gt;Exponenten über Huber-&amp;delta;&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;L(N, D) = E + (A N&lt;sup&gt;-&amp;alpha;&lt;/sup&gt; + B D&lt;sup&gt;-&amp;beta;&lt;/sup&gt;)&lt;sup&gt;&amp;gamma;&lt;/sup&gt;&lt;/b&gt;</source>
        <translation>&lt;b&gt;L(N, D) = E + (A N&lt;sup&gt;-&amp;alpha;&lt;/sup&gt; + B D&lt;sup&gt;-&amp;beta;&lt;/sup&gt;)&lt;sup&gt;&amp;gamma;&lt;/sup&gt;&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;i&gt;fit&lt;/i&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;&lt;i&gt;95 % interval&lt;/i&gt;&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;i&gt;Fit&lt;/i&gt;&lt;/td&gt;&lt;td&gt;&amp;nbsp;&amp;nbsp;&lt;i&gt;95-%-Intervall&lt;/i&gt;&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>Fitted on %1 runs without budget %2 (alpha %3, beta %4); its %5 runs: observed %6, predicted %7 on average.</source>
        <translation>Angepasst an %1 Läufe ohne Budget %2 (alpha %3, beta %4); seine %5 Läufe: beobachtet %6, vorhergesagt im Mittel %7.</translation>
    </message>
    <message>
        <source>no fit</source>
        <translation>kein Fit</translation>
    </message>
    <message>
        <source>The largest budget. </source>
        <translation>Das größte Budget. </translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::ParametricView</name>
    <message>
        <source>With your runs</source>
        <translation>Mit Ihren Läufen</translation>
    </message>
    <message>
        <source>Draw this database&apos;s finished runs of the architecture beside the source&apos;s, predicted by the source&apos;s law (not fitted)</source>
        <translation>Die abgeschlossenen Läufe dieser Architektur aus dieser Datenbank neben denen der Quelle zeichnen, vorhergesagt durch das Gesetz der Quelle (nicht angepasst)</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>Läufe:</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>Architektur:</translation>
    </message>
    <message>
        <source>Chinchilla (γ = 1)</source>
        <translation>Chinchilla (γ = 1)</translation>
    </message>
    <message>
        <source>γ fitted</source>
        <translation>γ angepasst</translation>
    </message>
    <message>
        <source>L = E + (A N^-α + B D^-β)^γ, fitted in log-sum-exp form; the Chinchilla form fixes γ = 1</source>
        <translation>L = E + (A N^-α + B D^-β)^γ, angepasst in Log-Sum-Exp-Form; die Chinchilla-Form fixiert γ = 1</translation>
    </message>
    <message>
        <source>Huber threshold on log-loss residuals (the paper: 1e-3)</source>
        <translation>Huber-Schwelle für die Residuen des Log-Verlusts (im Paper: 1e-3)</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoch</translation>
    </message>
    <message>
        <source>Coarse</source>
        <translation>Grob</translation>
    </message>
    <message>
        <source>The xLSTM paper&apos;s grid: 2,000 starts, 8,000 with γ</source>
        <translation>Das Raster des xLSTM-Papers: 2.000 Starts, 8.000 mit γ</translation>
    </message>
    <message>
        <source>Epoch AI&apos;s Chinchilla grid: 4,500 starts (γ starts at 1)</source>
        <translation>Das Chinchilla-Raster von Epoch AI: 4.500 Starts (γ startet bei 1)</translation>
    </message>
    <message>
        <source>A quick look: 108 starts, 216 with γ</source>
        <translation>Ein schneller Blick: 108 Starts, 216 mit γ</translation>
    </message>
    <message>
        <source>Initialisation grid: one local fit from every start, the lowest objective wins</source>
        <translation>Initialisierungsraster: ein lokaler Fit je Start, die niedrigste Zielfunktion gewinnt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Bootstrap resamples for the coefficients&apos; 95 % intervals (Epoch AI used 4,000)</source>
        <translation>Bootstrap-Stichproben für die 95-%-Intervalle der Koeffizienten (Epoch AI nutzte 4.000)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Anpassen</translation>
    </message>
    <message>
        <source>Form:</source>
        <translation>Form:</translation>
    </message>
    <message>
        <source>Huber δ:</source>
        <translation>Huber-δ:</translation>
    </message>
    <message>
        <source>Start grid:</source>
        <translation>Startraster:</translation>
    </message>
    <message>
        <source>Bootstrap:</source>
        <translation>Bootstrap:</translation>
    </message>
    <message>
        <source>Seqscope parametric L(N, D) fit</source>
        <translation>Seqscope: parametrischer Fit L(N, D)</translation>
    </message>
    <message>
        <source>Options changed: press Fit to refit.</source>
        <translation>Optionen geändert: „Anpassen“ drücken, um neu anzupassen.</translation>
    </message>
    <message>
        <source>xLSTM</source>
        <translation>xLSTM</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Fitting...</source>
        <translation>Anpassung läuft...</translation>
    </message>
    <message>
        <source>Budget (FLOPs): %1</source>
        <translation>Budget (FLOPs): %1</translation>
    </message>
    <message>
        <source>&amp;nbsp;&amp;nbsp; △ your runs</source>
        <translation>&amp;nbsp;&amp;nbsp; △ Ihre Läufe</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::ParamsView</name>
    <message>
        <source>thousands</source>
        <translation>Tausend</translation>
    </message>
    <message>
        <source>millions</source>
        <translation>Millionen</translation>
    </message>
    <message>
        <source>billions</source>
        <translation>Milliarden</translation>
    </message>
    <message>
        <source>trillions</source>
        <translation>Billionen</translation>
    </message>
    <message>
        <source>Final validation loss</source>
        <translation>Finaler Validierungsverlust</translation>
    </message>
    <message>
        <source>Best validation loss</source>
        <translation>Bester Validierungsverlust</translation>
    </message>
    <message>
        <source>Final training loss</source>
        <translation>Finaler Trainingsverlust</translation>
    </message>
    <message>
        <source>Axes...</source>
        <translation>Achsen...</translation>
    </message>
    <message>
        <source>Choose the fields shown as parallel coordinates</source>
        <translation>Die als Parallelkoordinaten gezeigten Felder wählen</translation>
    </message>
    <message>
        <source>Drag along an axis to select runs; click an axis to clear its brush. Click a point to select its run.</source>
        <translation>Ziehen Sie entlang einer Achse, um Läufe auszuwählen; ein Klick auf eine Achse löscht ihre Auswahl. Klicken Sie auf einen Punkt, um seinen Lauf auszuwählen.</translation>
    </message>
    <message>
        <source>Loss:</source>
        <translation>Verlust:</translation>
    </message>
    <message>
        <source>Against:</source>
        <translation>Gegen:</translation>
    </message>
    <message>
        <source>No numeric field varies between these runs</source>
        <translation>Kein numerisches Feld unterscheidet sich zwischen diesen Läufen</translation>
    </message>
    <message>
        <source>%1 against %2</source>
        <translation>%1 über %2</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>ausgewählt</translation>
    </message>
    <message>
        <source>#%1 %2
%3 = %4
%5 = %6</source>
        <translation>#%1 %2
%3 = %4
%5 = %6</translation>
    </message>
    <message>
        <source> (log)</source>
        <translation> (log)</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>final val loss</source>
        <translation>finaler Val.-Verlust</translation>
    </message>
    <message>
        <source>best val loss</source>
        <translation>bester Val.-Verlust</translation>
    </message>
    <message>
        <source>final train loss</source>
        <translation>finaler Trainingsverlust</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>Parallel Coordinates</source>
        <translation>Parallelkoordinaten</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::PredictedChartView</name>
    <message>
        <source>Predicted against observed loss</source>
        <translation>Vorhergesagter über beobachtetem Verlust</translation>
    </message>
    <message>
        <source>Observed loss</source>
        <translation>Beobachteter Verlust</translation>
    </message>
    <message>
        <source>Predicted loss L(N, D)</source>
        <translation>Vorhergesagter Verlust L(N, D)</translation>
    </message>
    <message>
        <source>predicted = observed</source>
        <translation>vorhergesagt = beobachtet</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::ResidualChartView</name>
    <message>
        <source>%1 (yours)</source>
        <translation>%1 (Ihre)</translation>
    </message>
    <message>
        <source>%1
predicted %2 (%3%4 %)</source>
        <translation>%1
vorhergesagt %2 (%3%4 %)</translation>
    </message>
    <message>
        <source>Residuals by budget</source>
        <translation>Residuen nach Budget</translation>
    </message>
    <message>
        <source>Parameters N</source>
        <translation>Parameter N</translation>
    </message>
    <message>
        <source>obs. / pred. - 1 (%)</source>
        <translation>beob. / vorherg. - 1 (%)</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::RunBrowser</name>
    <message>
        <source>Filter runs by name, architecture, status or tag</source>
        <translation>Läufe nach Name, Architektur, Status oder Tag filtern</translation>
    </message>
    <message>
        <source>Select a run to see its configuration.</source>
        <translation>Wählen Sie einen Lauf aus, um seine Konfiguration zu sehen.</translation>
    </message>
    <message>
        <source>Delete Selected Runs</source>
        <translation>Ausgewählte Läufe löschen</translation>
    </message>
    <message>
        <source>Cancel Training</source>
        <translation>Training abbrechen</translation>
    </message>
    <message>
        <source>Add Tag...</source>
        <translation>Tag hinzufügen...</translation>
    </message>
    <message>
        <source>Export as JSON...</source>
        <translation>Als JSON exportieren...</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n Run(s)</source>
        <translation>
            <numerusform>%n Lauf löschen</numerusform>
            <numerusform>%n Läufe löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>No Grouping</source>
        <translation>Keine Gruppierung</translation>
    </message>
    <message>
        <source>Everything but the Seed</source>
        <translation>Alles außer dem Seed</translation>
    </message>
    <message>
        <source>Group by...</source>
        <translation>Gruppieren nach...</translation>
    </message>
    <message>
        <source>Compare Configs</source>
        <translation>Konfigurationen vergleichen</translation>
    </message>
    <message>
        <source>Select two or more runs</source>
        <translation>Wählen Sie zwei oder mehr Läufe aus</translation>
    </message>
    <message>
        <source>Group: all but seed</source>
        <translation>Gruppe: alle außer Seed</translation>
    </message>
    <message>
        <source>Group: none</source>
        <translation>Gruppe: keine</translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation>Gruppe: %1</translation>
    </message>
    <message>
        <source>Runs sharing these config values are drawn as one mean curve with a band</source>
        <translation>Läufe mit diesen gemeinsamen Konfigurationswerten werden als eine Mittelwertkurve mit Band gezeichnet</translation>
    </message>
    <message>
        <source>Group Runs By</source>
        <translation>Läufe gruppieren nach</translation>
    </message>
    <message>
        <source>Final Metrics</source>
        <translation>Finale Metriken</translation>
    </message>
    <message>
        <source>Config Fields</source>
        <translation>Konfigurationsfelder</translation>
    </message>
    <message>
        <source>Remove Added Columns</source>
        <translation>Hinzugefügte Spalten entfernen</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::ScalingView</name>
    <message>
        <source>IsoFLOP, context %1</source>
        <translation>IsoFLOP, Kontext %1</translation>
    </message>
    <message>
        <source> (Chinchilla attention FLOPs)</source>
        <translation> (Attention-FLOPs nach Chinchilla)</translation>
    </message>
    <message>
        <source> (batch-size ablation)</source>
        <translation> (Batchgrößen-Ablation)</translation>
    </message>
    <message>
        <source>Token/parameter ratios, context %1</source>
        <translation>Token/Parameter-Verhältnisse, Kontext %1</translation>
    </message>
    <message>
        <source>Parameters N</source>
        <translation>Parameter N</translation>
    </message>
    <message>
        <source>Training tokens D</source>
        <translation>Trainings-Tokens D</translation>
    </message>
    <message>
        <source>xLSTM</source>
        <translation>xLSTM</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>Include runs the paper&apos;s filters drop</source>
        <translation>Vom Paper gefilterte Läufe einbeziehen</translation>
    </message>
    <message>
        <source>Paper&apos;s budget range for the power law</source>
        <translation>Budgetbereich des Papers für das Potenzgesetz</translation>
    </message>
    <message>
        <source>Experiment:</source>
        <translation>Experiment:</translation>
    </message>
    <message>
        <source>x axis:</source>
        <translation>x-Achse:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot load the scaling data:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Skalierungsdaten können nicht geladen werden:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Fit N*(C) and D*(C) over budgets from %1 to %2 FLOPs, as the paper does; budgets outside are drawn hollow.</source>
        <translation>N*(C) und D*(C) wie im Paper über Budgets von %1 bis %2 FLOPs anpassen; Budgets außerhalb werden ungefüllt gezeichnet.</translation>
    </message>
    <message>
        <source>Compute-optimal D*</source>
        <translation>Rechenoptimales D*</translation>
    </message>
    <message>
        <source>Compute-optimal N*</source>
        <translation>Rechenoptimales N*</translation>
    </message>
    <message>
        <source>No runs in this selection.</source>
        <translation>Keine Läufe in dieser Auswahl.</translation>
    </message>
    <message>
        <source>With your runs</source>
        <translation>Mit Ihren Läufen</translation>
    </message>
    <message>
        <source>Draw this database&apos;s finished runs beside the source&apos;s, fitted as series of their own</source>
        <translation>Die abgeschlossenen Läufe dieser Datenbank neben denen der Quelle zeichnen, als eigene Reihen angepasst</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Fitting...</source>
        <translation>Anpassung läuft...</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>not fitted</source>
        <translation>nicht angepasst</translation>
    </message>
    <message>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <source>Seqscope IsoFLOP profiles and compute-optimal frontier</source>
        <translation>Seqscope: IsoFLOP-Profile und rechenoptimale Grenze</translation>
    </message>
    <message>
        <source>Save Fit</source>
        <translation>Fit speichern</translation>
    </message>
    <message>
        <source>Store the drawn laws with their source and options in the workspace (Fits panel)</source>
        <translation>Die gezeichneten Gesetze mit ihrer Quelle und ihren Optionen im Arbeitsbereich speichern (Bereich „Fits“)</translation>
    </message>
    <message>
        <source>Frontier</source>
        <translation>Grenze</translation>
    </message>
    <message>
        <source>N* exponent a</source>
        <translation>N*-Exponent a</translation>
    </message>
    <message>
        <source>D* exponent b</source>
        <translation>D*-Exponent b</translation>
    </message>
    <message>
        <source>N* [95 %]</source>
        <translation>N* [95 %]</translation>
    </message>
    <message>
        <source>D* [95 %]</source>
        <translation>D* [95 %]</translation>
    </message>
    <message>
        <source>D*/N*</source>
        <translation>D*/N*</translation>
    </message>
    <message>
        <source>What does a budget of</source>
        <translation>Was bringt ein Budget von</translation>
    </message>
    <message>
        <source>FLOPs buy?</source>
        <translation>FLOPs?</translation>
    </message>
    <message>
        <source>Type a positive number of FLOPs, e.g. 1e22</source>
        <translation>Geben Sie eine positive Anzahl FLOPs ein, z. B. 1e22</translation>
    </message>
    <message>
        <source>%1 [%2, %3]</source>
        <translation>%1 [%2, %3]</translation>
    </message>
    <message>
        <source>Budgets / runs</source>
        <translation>Budgets / Läufe</translation>
    </message>
    <message>
        <source>Power laws N* = A·C^a and D* = B·C^b: the least-squares exponent and, in brackets, its 95 % interval over refits with the runs resampled within each budget.</source>
        <translation>Potenzgesetze N* = A·C^a und D* = B·C^b: der Exponent nach kleinsten Quadraten und in Klammern sein 95-%-Intervall über Neuanpassungen mit innerhalb jedes Budgets neu gezogenen Läufen.</translation>
    </message>
    <message>
        <source>Data: %1. Stars mark each budget&apos;s fitted minimum; circles are xLSTM runs, squares Transformer runs; your own runs are drawn hollow (triangles); hollow frontier points lie outside the power law&apos;s budget range. Shift+click a run to leave it out of the fit (grey), again to bring it back.</source>
        <translation>Daten: %1. Sterne markieren das angepasste Minimum jedes Budgets; Kreise sind xLSTM-Läufe, Quadrate Transformer-Läufe; Ihre eigenen Läufe sind hohl gezeichnet (Dreiecke); hohle Grenzpunkte liegen außerhalb des Budgetbereichs des Potenzgesetzes. Umschalt+Klick nimmt einen Lauf aus dem Fit (grau), ein zweiter nimmt ihn wieder auf.</translation>
    </message>
    <message>
        <source>N* = %1 · C^%2, standard error of a %3, 95 % bootstrap interval %4</source>
        <translation>N* = %1 · C^%2, Standardfehler von a %3, 95-%-Bootstrap-Intervall %4</translation>
    </message>
    <message>
        <source>D* = %1 · C^%2, standard error of b %3, 95 % bootstrap interval %4</source>
        <translation>D* = %1 · C^%2, Standardfehler von b %3, 95-%-Bootstrap-Intervall %4</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::TourPanel</name>
    <message>
        <source>&lt; Previous</source>
        <translation>&lt; Zurück</translation>
    </message>
    <message>
        <source>Previous step (Left arrow or Page Up)</source>
        <translation>Vorheriger Schritt (Pfeil links oder Bild auf)</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Weiter &gt;</translation>
    </message>
    <message>
        <source>Next step (Right arrow, Space or Page Down)</source>
        <translation>Nächster Schritt (Pfeil rechts, Leertaste oder Bild ab)</translation>
    </message>
    <message>
        <source>Try it yourself...</source>
        <translation>Selbst ausprobieren...</translation>
    </message>
    <message>
        <source>Presenter mode</source>
        <translation>Präsentationsmodus</translation>
    </message>
    <message>
        <source>Large fonts, high contrast, full screen (F11)</source>
        <translation>Große Schrift, hoher Kontrast, Vollbild (F11)</translation>
    </message>
    <message>
        <source>End tour</source>
        <translation>Tour beenden</translation>
    </message>
    <message>
        <source>End the tour (Escape)</source>
        <translation>Tour beenden (Esc)</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Fertig</translation>
    </message>
</context>
</TS>
