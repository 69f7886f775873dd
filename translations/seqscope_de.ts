<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <source>Seqscope workbench: xLSTM vs Transformer scaling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment database to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the window to a PNG file once its views have loaded, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View to show first (overview, loss, scaling, ...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size for --screenshot, e.g. 1400x900.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language, e.g. de or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour theme: system, light or dark.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>seqscope::gui::MainWindow</name>
    <message>
        <source>Seqscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Database...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Seqscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Seqscope Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seqscope databases (*.db *.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Seqscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Seqscope %1&lt;/h3&gt;&lt;p&gt;A workbench for comparing sequence architectures - xLSTM (mLSTM blocks) against Transformers - after &lt;i&gt;xLSTM Scaling Laws: Competitive Performance with Linear Time-Complexity&lt;/i&gt; (Beck et al., arXiv 2510.02228).&lt;/p&gt;&lt;p&gt;Built-in data: the paper&apos;s released runs and Epoch AI&apos;s Chinchilla replication points (Besiroglu et al., arXiv 2404.10102).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Run...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>seqscope::gui::OverviewView</name>
    <message>
        <source>&lt;h2&gt;Seqscope&lt;/h2&gt;&lt;p&gt;Compare xLSTM and Transformer scaling: train small models, fit IsoFLOP parabolas and parametric laws, and benchmark inference against context length.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;ol&gt;&lt;li&gt;Open the &lt;b&gt;Scaling&lt;/b&gt; view to see the paper&apos;s IsoFLOP runs and fits.&lt;/li&gt;&lt;li&gt;Start a tiny run from &lt;b&gt;Runs &amp;rarr; New Run&lt;/b&gt; on the built-in corpus and watch its loss curve grow.&lt;/li&gt;&lt;li&gt;Select several runs in the run browser to overlay their curves.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Everything is stored in the database shown on the left; the command-line tool &lt;tt&gt;seqscope-cli&lt;/tt&gt; reads and writes the same file.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Database: &lt;tt&gt;%1&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Runs: %2 (%3 running)&lt;/p&gt;&lt;p&gt;Reference datasets:&lt;br&gt;%4&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no CUDA device; training and benchmarks run on the CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;LibTorch %1, %2 CPU threads&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;Seqscope mLSTM CUDA kernels: %4&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not built</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>seqscope::gui::RunLauncher</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>xLSTM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training FLOPs C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per parameter D/N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fortunes (built-in English corpus), synthetic:mqar, synthetic:selective-copy, a text file path, or tokens:PATH for uint16 token files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width d_model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (CPU size)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (paper)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom dimensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heads (%1) must divide the width d_model (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget &apos;%1&apos; is not a positive number (e.g. 2e5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate &apos;%1&apos; is not a positive number (e.g. 3e-3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Parameters N&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;FLOPs per token&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Steps &amp;times; tokens/step&lt;/td&gt;&lt;td align=right&gt;%3 &amp;times; %4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Tokens D (D/N)&lt;/td&gt;&lt;td align=right&gt;%5 (%6)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Training FLOPs C&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%7&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Estimated time&lt;/td&gt;&lt;td align=right&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Estimated memory&lt;/td&gt;&lt;td align=right&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown until a run has finished here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>seqscope::gui::RunTableModel</name>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diverged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Val loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>seqscope::gui::RunsController</name>
    <message>
        <source>#%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;%n runs selected; their curves are overlaid.&lt;/p&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;h3&gt;#%1 %2&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;%1, %2 parameters, context %3, status &lt;b&gt;%4&lt;/b&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Reason: %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Device: %1 on %2 (pid %3)&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) and all their metrics? This cannot be undone.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Tag for %n run(s):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>seqscope::gui::ScalingController</name>
    <message>
        <source>xLSTM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: no fit (%2)&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: %2 = %3 &amp;middot; C&lt;sup&gt;%4 &amp;plusmn; %5&lt;/sup&gt; from %6 budgets, %7 runs&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: %2 power law not fitted (%3)&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>seqscope::gui::ScalingView</name>
    <message>
        <source>IsoFLOP, context %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (Chinchilla attention FLOPs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (batch-size ablation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token/parameter ratios, context %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training tokens D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>xLSTM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include runs the paper&apos;s filters drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper&apos;s budget range for the power law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x axis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data: %1. Stars mark each budget&apos;s fitted minimum; circles are xLSTM runs, squares Transformer runs; hollow frontier points lie outside the power law&apos;s budget range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot load the scaling data:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit N*(C) and D*(C) over budgets from %1 to %2 FLOPs, as the paper does; budgets outside are drawn hollow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute-optimal D*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute-optimal N*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs in this selection.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>seqscope::gui::TrainingController</name>
    <message>
        <source>No database is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seqscope-cli was not found next to the workbench or on PATH; it trains the runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The training process crashed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>seqscope::gui::Workbench</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss Curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run #%1 was not started here; stop it where it runs (Ctrl-C).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run #%1 finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run #%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) training</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot Open Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Start Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run #%1 queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput (tokens/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model FLOPs utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select runs in the Runs panel to overlay their curves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 (%3 rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 GiB)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::FrontierChartView</name>
    <message>
        <source>Compute-optimal N*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute-optimal frontier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training compute C (FLOPs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>xLSTM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (a = %2 ± %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::IsoflopChartView</name>
    <message>
        <source>Parameters N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IsoFLOP profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final validation loss (nats/token)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::LossChartCanvas</name>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training FLOPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time since start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs to show.
Select runs in the run browser or start one from the launcher;
their curves appear here while they train.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (%n clipped)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raw %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (pinned; Esc releases)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · no run has data here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::LossChartToolbar</name>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time since start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity on the x axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logarithmic x axis; points at x ≤ 0 (e.g. step 0) are not drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logarithmic y axis; smoothing then runs on log values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMA (debiased)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centred average (non-causal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing is computed on every logged point before the curve is decimated, so it does not change with zoom or run length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMA weight: 0 = none, 0.999 = strongest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Averaging window in logged points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw the raw values faded behind the smoothed line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto (robust)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto (all data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Robust: each run&apos;s 1st–99th percentile of what is drawn plus its latest value; no run is ever pushed out of view. Clipped points are marked at the edge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower y limit (data units)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upper y limit (data units)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw every point instead of the per-pixel min/max envelope (slow for long runs; the envelope already shows the same pixels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit all data (Home, or double-click the chart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image (PNG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vector image (SVG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plotted data as shown (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full-resolution raw data (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy readout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower y limit “%1” is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upper y limit “%1” is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid y range: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::LossChartView</name>
    <message>
        <source>Drag: zoom to box · Shift+drag or middle drag: pan · Wheel: zoom x (Ctrl+wheel: y)
Arrow keys: pan · +/−: zoom x · Home or double-click: reset view
Click: pin the readout (Esc releases) · Ctrl+C or right-click: copy the readout
Click a legend entry to hide or show that run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart as SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export plotted data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export full-resolution data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 runs shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 points in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every point drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min/max envelope: up to %1 points per pixel column, %2 drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no decimation needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 outside the y range (marked at the edge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not drawable (non-finite, or ≤ 0 on a log axis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 non-finite values not drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zoomed: Home or double-click resets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drag to zoom, Shift+drag to pan, click to pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seqscope loss curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 against %2; line: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy readout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release pinned readout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image (PNG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vector image (SVG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plotted data as shown (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full-resolution raw data (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::RunBrowser</name>
    <message>
        <source>Filter runs by name, architecture, status or tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a run to see its configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Selected Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Tag...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as JSON...</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n Run(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
