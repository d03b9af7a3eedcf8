namespace BlueGreen.Aws;
